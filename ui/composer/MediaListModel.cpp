#include "composer/MediaListModel.h"

#include <algorithm>

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QStyle>
#include <QUrl>

#include "composer/FindingsModel.h"
#include "util/Error.h"

namespace cq::ui {

MediaListModel::MediaListModel(QObject *parent)
    : QAbstractListModel(parent) {
}

int MediaListModel::addFile(const QString &path) {
    const int row = int(m_items.size());
    beginInsertRows({}, row, row);
    m_items.append(Item{m_nextId, path, State::Probing, {}, {}, std::nullopt, {}, {}, {}, std::nullopt});
    endInsertRows();
    return m_nextId++;
}

int MediaListModel::addStored(const QString &storePath, const MediaDescriptor &descriptor) {
    const int row = int(m_items.size());
    beginInsertRows({}, row, row);
    m_items.append(Item{m_nextId,
                        storePath,
                        State::Ready,
                        MediaCheck{descriptor, std::nullopt},
                        {},
                        descriptor,
                        {},
                        {},
                        {},
                        std::nullopt});
    endInsertRows();
    return m_nextId++;
}

void MediaListModel::clear() {
    if (m_items.isEmpty()) {
        return;
    }
    beginRemoveRows({}, 0, int(m_items.size()) - 1);
    m_items.clear();
    m_coverId = 0;
    endRemoveRows();
}

void MediaListModel::setFindings(const QList<Finding> &findings) {
    QList<QStringList> notes(m_items.size());
    QStringList fixes(m_items.size());
    for (const Finding &finding : findings) {
        const int row = FindingsModel::mediaIndexOf(finding.field);
        if (row >= 0 && row < notes.size()) {
            notes[row] << (finding.isError() ? u"✖ " : u"⚠ ") + finding.message;
            if (fixes.at(row).isEmpty()) {
                fixes[row] = finding.fix; // one conversion clears all of an item's fixable findings
            }
        }
    }
    for (qsizetype row = 0; row < m_items.size(); ++row) {
        const QString joined = notes.at(row).join(u'\n');
        Item &item = m_items[row];
        if (item.notes != joined || item.fix != fixes.at(row)) {
            item.notes = joined;
            item.fix = fixes.at(row);
            const QModelIndex changed = index(int(row));
            Q_EMIT dataChanged(changed, changed, {NotesRole, FixRole});
        }
    }
}

void MediaListModel::setConverted(int itemId, const QString &path, const MediaDescriptor &converted) {
    const int row = rowOf(itemId);
    if (row < 0) {
        return; // removed while it was converted
    }
    Item &item = m_items[row];
    item.path = path;
    item.check = MediaCheck{converted, std::nullopt};
    item.state = State::Ready;
    item.thumbnail = QImage();
    item.convertedName = converted.filename;
    item.conformProgress.reset();
    Q_EMIT dataChanged(index(row), index(row));
}

void MediaListModel::setConformProgress(int itemId, std::optional<double> fraction) {
    const int row = rowOf(itemId);
    if (row >= 0 && m_items.at(row).conformProgress != fraction) {
        m_items[row].conformProgress = fraction;
        Q_EMIT dataChanged(index(row), index(row), {ConformProgressRole});
    }
}

int MediaListModel::coverRow() const {
    return std::max(0, rowOf(m_coverId));
}

void MediaListModel::setCoverRow(int row) {
    const int before = coverRow();
    if (row < 0 || row >= m_items.size() || row == before) {
        return;
    }
    m_coverId = m_items.at(row).id;
    for (const int changed : {before, row}) {
        if (changed < m_items.size()) {
            Q_EMIT dataChanged(index(changed), index(changed), {IsCoverRole, Qt::DisplayRole});
        }
    }
}

Qt::ItemFlags MediaListModel::flags(const QModelIndex &index) const {
    const Qt::ItemFlags flags = QAbstractListModel::flags(index);
    // Dropping between rows (on the root) reorders; dropping onto an item does nothing.
    return index.isValid() ? flags | Qt::ItemIsDragEnabled : flags | Qt::ItemIsDropEnabled;
}

Qt::DropActions MediaListModel::supportedDropActions() const {
    return Qt::MoveAction;
}

QString MediaListModel::nameOf(const Item &item) const {
    if (!item.convertedName.isEmpty()) {
        return item.convertedName; // the store names the object by its hash
    }
    if (!item.stored) {
        return QFileInfo(item.path).fileName();
    }
    if (!item.stored->filename.isEmpty()) {
        return item.stored->filename;
    }
    const MediaLocation origin = locateMedia(item.stored->url);
    return origin.kind == MediaLocation::Kind::LocalFile ? QFileInfo(origin.localPath).fileName()
                                                         : QUrl(item.stored->url).fileName();
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
        Q_EMIT dataChanged(index(row), index(row), {Qt::DecorationRole, ThumbnailRole});
    }
}

void MediaListModel::removeRowsAt(QList<int> rows) {
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (const int row : rows) {
        removeRows(row, 1);
    }
}

bool MediaListModel::removeRows(int row, int count, const QModelIndex &parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_items.size()) {
        return false;
    }
    beginRemoveRows({}, row, row + count - 1);
    m_items.remove(row, count);
    endRemoveRows();
    return true;
}

bool MediaListModel::moveRows(const QModelIndex &sourceParent, int sourceRow, int count,
                              const QModelIndex &destinationParent, int destinationChild) {
    const int size = int(m_items.size());
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0
        || sourceRow + count > size || destinationChild < 0 || destinationChild > size
        || (destinationChild >= sourceRow && destinationChild <= sourceRow + count)) {
        return false; // out of range, or a move onto itself
    }
    beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild);
    const auto first = m_items.begin() + sourceRow;
    const auto last = first + count;
    if (destinationChild < sourceRow) {
        std::rotate(m_items.begin() + destinationChild, first, last);
    } else {
        std::rotate(first, last, m_items.begin() + destinationChild);
    }
    endMoveRows();
    return true;
}

bool MediaListModel::isProbing() const {
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const Item &item) { return item.state == State::Probing; });
}

QList<MediaDescriptor> MediaListModel::declaredMedia() const {
    QList<MediaDescriptor> media;
    for (const Item &item : m_items) {
        if (item.stored) {
            media << *item.stored;
            continue;
        }
        MediaDescriptor declared;
        declared.url = fileUrlForPath(item.path);
        declared.filename = nameOf(item);
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

QString MediaListModel::codecLabel(const QString &ffmpegName) {
    static const QHash<QString, QString> labels{
        {QStringLiteral("h264"), QStringLiteral("H.264")},
        {QStringLiteral("hevc"), QStringLiteral("H.265")},
        {QStringLiteral("mpeg4"), QStringLiteral("MPEG-4")},
        {QStringLiteral("prores"), QStringLiteral("ProRes")},
        {QStringLiteral("mjpeg"), QStringLiteral("Motion JPEG")},
    };
    return labels.value(ffmpegName, ffmpegName.toUpper());
}

QString MediaListModel::summarize(const MediaDescriptor &media) {
    QStringList parts;
    if (media.type) {
        parts << (media.isVideo() ? tr("video") : tr("photo"));
    }
    if (!media.mimeType.isEmpty()) {
        parts << media.mimeType;
    }
    if (media.width && media.height) {
        parts << QString::number(*media.width) + u'×' + QString::number(*media.height);
    }
    if (media.isVideo()) {
        if (media.durationSeconds) {
            parts << tr("%1 s").arg(QString::number(*media.durationSeconds, 'f', 1));
        }
        if (media.frameRate) {
            parts << tr("%1 fps").arg(QString::number(*media.frameRate, 'g', 4));
        }
        if (!media.codec.isEmpty()) {
            parts << codecLabel(media.codec);
        }
        if (media.hasAudio) {
            parts << (*media.hasAudio ? tr("audio") : tr("no audio"));
        }
    }
    if (media.sizeBytes) {
        parts << QLocale().formattedDataSize(*media.sizeBytes, 1, QLocale::DataSizeSIFormat);
    }
    return parts.join(QStringLiteral(" · "));
}

QString MediaListModel::summaryOf(const Item &item) const {
    switch (item.state) {
    case State::Probing:
        return tr("Reading…");
    case State::Ready:
        return summarize(*item.check.probed);
    case State::Unreadable: {
        // The row already shows the name: drop the "name: " the message starts with.
        QString message = item.check.error ? item.check.error->message : QString();
        const QString prefix = nameOf(item) + u": ";
        if (message.startsWith(prefix) && message.size() > prefix.size()) {
            message = message.mid(prefix.size());
            message[0] = message.at(0).toUpper();
        }
        return message;
    }
    }
    return {};
}

QVariant MediaListModel::descriptorData(const MediaDescriptor &media, int role) const {
    const auto optional = [](const auto &value) {
        return value ? QVariant(*value) : QVariant();
    };
    const auto text = [](const QString &value) {
        return value.isEmpty() ? QVariant() : QVariant(value);
    };
    switch (role) {
    case TypeRole:
        return media.type ? QVariant(mediaTypeName(*media.type)) : QVariant();
    case MimeTypeRole:
        return text(media.mimeType);
    case SizeBytesRole:
        return optional(media.sizeBytes);
    case WidthRole:
        return optional(media.width);
    case HeightRole:
        return optional(media.height);
    case DurationRole:
        return optional(media.durationSeconds);
    case FrameRateRole:
        return optional(media.frameRate);
    case CodecRole:
        return text(media.codec);
    case RotationRole:
        return optional(media.rotation);
    case HasAudioRole:
        return optional(media.hasAudio);
    default:
        return {};
    }
}

QVariant MediaListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Item &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case FilenameRole:
        return nameOf(item);
    case Qt::ToolTipRole:
        if (item.stored) {
            return tr("From %1\nKept in ClipQueue's media store\n%2").arg(item.stored->url, summaryOf(item));
        }
        return QString(QDir::toNativeSeparators(item.path) + u'\n' + summaryOf(item));
    case StoredRole:
        return item.stored.has_value();
    case Qt::DecorationRole: {
        if (!item.thumbnail.isNull()) {
            return item.thumbnail;
        }
        QStyle *style = QApplication::style();
        switch (item.state) {
        case State::Probing:
            return style->standardIcon(QStyle::SP_BrowserReload);
        case State::Unreadable:
            return style->standardIcon(QStyle::SP_MessageBoxCritical);
        case State::Ready:
            return style->standardIcon(item.check.probed->isVideo() ? QStyle::SP_MediaPlay
                                                                    : QStyle::SP_FileIcon);
        }
        return {};
    }
    case PathRole:
        return item.path;
    case StateRole:
        return QVariant::fromValue(item.state);
    case SummaryRole:
        return summaryOf(item);
    case ErrorRole:
        return item.check.error ? item.check.error->message : QString();
    case ErrorCodeRole:
        return item.check.error ? errorCodeName(item.check.error->code) : QString();
    case ThumbnailRole:
        return item.thumbnail;
    case NotesRole:
        return item.notes;
    case IsCoverRole:
        return item.id == m_items.at(coverRow()).id;
    case ItemIdRole:
        return item.id;
    case FixRole:
        return item.fix;
    case ConformProgressRole:
        return item.conformProgress ? QVariant(*item.conformProgress) : QVariant();
    case ConvertedRole:
        return !item.convertedName.isEmpty();
    default:
        return item.check.probed ? descriptorData(*item.check.probed, role) : QVariant();
    }
}

QHash<int, QByteArray> MediaListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{PathRole, "path"},
                  {FilenameRole, "filename"},
                  {StateRole, "state"},
                  {SummaryRole, "summary"},
                  {TypeRole, "type"},
                  {MimeTypeRole, "mimeType"},
                  {SizeBytesRole, "sizeBytes"},
                  {WidthRole, "width"},
                  {HeightRole, "height"},
                  {DurationRole, "durationSeconds"},
                  {FrameRateRole, "frameRate"},
                  {CodecRole, "codec"},
                  {RotationRole, "rotation"},
                  {HasAudioRole, "hasAudio"},
                  {ErrorRole, "error"},
                  {ErrorCodeRole, "errorCode"},
                  {ThumbnailRole, "thumbnail"},
                  {StoredRole, "stored"},
                  {NotesRole, "notes"},
                  {IsCoverRole, "isCover"},
                  {ItemIdRole, "itemId"},
                  {FixRole, "fix"},
                  {ConformProgressRole, "conformProgress"},
                  {ConvertedRole, "converted"}});
    return names;
}

} // namespace cq::ui
