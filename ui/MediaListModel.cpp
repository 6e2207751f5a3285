#include "MediaListModel.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QStyle>

namespace cq::ui {

MediaListModel::MediaListModel(QObject *parent)
    : QAbstractListModel(parent) {
}

int MediaListModel::addFile(const QString &path) {
    beginInsertRows({}, int(m_items.size()), int(m_items.size()));
    m_items.append(Item{m_nextId, path, State::Probing, {}, {}});
    endInsertRows();
    return m_nextId++;
}

int MediaListModel::rowOf(int itemId) const {
    for (qsizetype row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == itemId) {
            return int(row);
        }
    }
    return -1;
}

void MediaListModel::setProbed(int itemId, const MediaCheck &check) {
    const int row = rowOf(itemId);
    if (row < 0) {
        return; // removed while it was being probed
    }
    m_items[row].check = check;
    m_items[row].state = check.probed ? State::Ready : State::Unreadable;
    Q_EMIT dataChanged(index(row), index(row));
}

void MediaListModel::setThumbnail(int itemId, const QImage &thumbnail) {
    const int row = rowOf(itemId);
    if (row >= 0) {
        m_items[row].thumbnail = thumbnail;
        Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole});
    }
}

void MediaListModel::removeRowsAt(QList<int> rows) {
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (const int row : rows) {
        if (row >= 0 && row < m_items.size()) {
            beginRemoveRows({}, row, row);
            m_items.removeAt(row);
            endRemoveRows();
        }
    }
}

bool MediaListModel::isProbing() const {
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const Item &item) { return item.state == State::Probing; });
}

QList<MediaDescriptor> MediaListModel::declaredMedia() const {
    QList<MediaDescriptor> media;
    for (const Item &item : m_items) {
        MediaDescriptor declared;
        declared.url = fileUrlForPath(item.path);
        declared.filename = QFileInfo(item.path).fileName();
        media << declared;
    }
    return media;
}

QList<MediaCheck> MediaListModel::checks() const {
    QList<MediaCheck> checks;
    for (const Item &item : m_items) {
        checks << item.check;
    }
    return checks;
}

int MediaListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

QString MediaListModel::summarize(const MediaDescriptor &media) {
    const QLocale locale;
    QStringList parts{media.type ? mediaTypeName(*media.type) : QString(), media.mimeType,
                      QString::number(media.width.value_or(0)) + u'×'
                          + QString::number(media.height.value_or(0))};
    if (media.isVideo()) {
        parts << QString::number(media.durationSeconds.value_or(0), 'f', 1) + u" s"
              << QString::number(media.frameRate.value_or(0), 'g', 4) + u" fps" << media.codec.toUpper()
              << (media.hasAudio.value_or(false) ? QStringLiteral("audio") : QStringLiteral("no audio"));
    }
    parts << locale.formattedDataSize(media.sizeBytes.value_or(0), 1, QLocale::DataSizeSIFormat);
    return parts.join(QStringLiteral(" · "));
}

namespace {
// A style icon centred on a thumbnail-sized transparent square, so rows line up with thumbnails.
QPixmap placeholderIcon(QStyle::StandardPixmap which) {
    constexpr int side = 96;
    constexpr int iconSide = 40;
    QPixmap canvas(side, side);
    canvas.fill(Qt::transparent);
    QPainter painter(&canvas);
    const QPixmap icon = QApplication::style()->standardIcon(which).pixmap(iconSide, iconSide);
    painter.drawPixmap((side - icon.width()) / 2, (side - icon.height()) / 2, icon);
    return canvas;
}
} // namespace

QVariant MediaListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size()) {
        return {};
    }
    const Item &item = m_items.at(index.row());
    const QString filename = QFileInfo(item.path).fileName();
    const std::optional<MediaDescriptor> &media = item.check.probed;
    const QString summary = item.state == State::Probing      ? QStringLiteral("Reading…")
                            : item.state == State::Unreadable ? item.check.error->message
                                                              : summarize(*media);
    switch (role) {
    case Qt::DisplayRole:
        return QString(filename + u'\n' + summary);
    case Qt::ToolTipRole:
        return QString(item.path + u'\n' + summary);
    case Qt::DecorationRole: {
        if (!item.thumbnail.isNull()) {
            return item.thumbnail;
        }
        switch (item.state) {
        case State::Probing:
            return placeholderIcon(QStyle::SP_BrowserReload);
        case State::Unreadable:
            return placeholderIcon(QStyle::SP_MessageBoxCritical);
        case State::Ready:
            return placeholderIcon(media->isVideo() ? QStyle::SP_MediaPlay : QStyle::SP_FileIcon);
        }
        return {};
    }
    case PathRole:
        return item.path;
    case StateRole:
        return QVariant::fromValue(item.state);
    case SummaryRole:
        return summary;
    case TypeRole:
        return media && media->type ? mediaTypeName(*media->type) : QString();
    case MimeTypeRole:
        return media ? media->mimeType : QString();
    case WidthRole:
        return media ? media->width.value_or(0) : 0;
    case HeightRole:
        return media ? media->height.value_or(0) : 0;
    case DurationRole:
        return media ? media->durationSeconds.value_or(0) : 0.0;
    case ErrorRole:
        return item.check.error ? item.check.error->message : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> MediaListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{PathRole, "path"},
                  {StateRole, "state"},
                  {SummaryRole, "summary"},
                  {TypeRole, "type"},
                  {MimeTypeRole, "mimeType"},
                  {WidthRole, "width"},
                  {HeightRole, "height"},
                  {DurationRole, "durationSeconds"},
                  {ErrorRole, "error"}});
    return names;
}

} // namespace cq::ui
