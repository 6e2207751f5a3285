#include "composer/MediaPane.h"

#include <QAction>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "composer/MediaItemDelegate.h"
#include "composer/MediaListModel.h"
#include "composer/MediaProbeQueue.h"
#include "composer/MediaRowActions.h"
#include "composer/TrimStep.h"
#include "composer/VideoPreview.h"

namespace cq::ui {

MediaPane::MediaPane(const MediaProber &prober, const QKeySequence &addShortcut, QWidget *parent)
    : QGroupBox(tr("Media"), parent)
    , m_model(new MediaListModel(this))
    , m_queue(new MediaProbeQueue(prober, this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QListView(this))
    , m_preview(new VideoPreview(this))
    , m_trim(new TrimStep(*m_preview, this)) {
    setObjectName(QStringLiteral("mediaPane"));
    auto *hint = new QLabel(tr("<p style='font-size:large'>Drop a video or up to 35 photos here</p>"
                               "<p>or use Add media… (%1)</p>")
                                .arg(addShortcut.toString(QKeySequence::NativeText)),
                            this);
    hint->setObjectName(QStringLiteral("emptyHint"));
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("QLabel { color: palette(dark); border: 2px dashed palette(mid); "
                                       "border-radius: 10px; margin: 4px; }"));
    m_stack->addWidget(hint);

    m_view->setObjectName(QStringLiteral("mediaList"));
    m_view->setAccessibleName(tr("Media of the post"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new MediaItemDelegate(m_view));
    m_view->setIconSize(QSize(MediaProbeQueue::ThumbnailSidePx, MediaProbeQueue::ThumbnailSidePx));
    m_view->setResizeMode(QListView::Adjust);
    m_view->setWordWrap(true);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Drag a row up or down to reorder (the model moves it; nothing is copied or removed).
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDragDropOverwriteMode(false);
    m_view->setDropIndicatorShown(true);
    buildActions();
    m_stack->addWidget(m_view);
    m_preview->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 2);
    layout->addWidget(m_preview, 3);
    layout->addWidget(m_trim);
    connect(m_preview, &VideoPreview::coverChanged, this, &MediaPane::coverChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MediaPane::updatePreview);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MediaPane::updatePreview);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MediaPane::updatePreview);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &MediaPane::updatePreview);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MediaPane::updatePreview);

    connect(m_queue, &MediaProbeQueue::probed, m_model, &MediaListModel::setProbed);
    connect(m_queue, &MediaProbeQueue::thumbnailReady, m_model, &MediaListModel::setThumbnail);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MediaPane::updatePage);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MediaPane::updatePage);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MediaPane::updateRowActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MediaPane::updateRowActions);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &MediaPane::updateRowActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MediaPane::updateRowActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MediaPane::updateRowActions);
}

void MediaPane::updateRowActions() {
    bool added = false;
    bool removed = false;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        auto *actions = qobject_cast<MediaRowActions *>(m_view->indexWidget(index));
        if (m_locked || !MediaItemDelegate::hasActions(index)) {
            if (actions) {
                m_view->setIndexWidget(index, nullptr);
                removed = true;
            }
            continue;
        }
        if (!actions) {
            actions = new MediaRowActions(m_view->viewport());
            const int itemId = index.data(MediaListModel::ItemIdRole).toInt();
            connect(actions, &MediaRowActions::fixClicked, this,
                    [this, itemId] { Q_EMIT fixRequested(itemId); });
            connect(actions, &MediaRowActions::cancelClicked, this,
                    [this, itemId] { Q_EMIT cancelFixRequested(itemId); });
            m_view->setIndexWidget(index, actions);
            added = true;
        }
        const QVariant progress = index.data(MediaListModel::ConformProgressRole);
        actions->showState(index.data(MediaListModel::FilenameRole).toString(),
                           index.data(MediaListModel::FixRole).toString(),
                           progress.isValid() ? std::optional(progress.toDouble()) : std::nullopt);
    }
    if (added || removed) {
        m_view->doItemsLayout(); // rows that gained or lost their actions change height
    }
}

void MediaPane::buildActions() {
    auto *earlier = new QAction(tr("Move earlier"), m_view);
    earlier->setObjectName(QStringLiteral("moveMediaEarlierAction"));
    earlier->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    connect(earlier, &QAction::triggered, this, [this] { moveCurrent(-1); });
    auto *later = new QAction(tr("Move later"), m_view);
    later->setObjectName(QStringLiteral("moveMediaLaterAction"));
    later->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    connect(later, &QAction::triggered, this, [this] { moveCurrent(+1); });
    auto *cover = new QAction(tr("Use as cover photo"), m_view);
    cover->setObjectName(QStringLiteral("useAsCoverAction"));
    cover->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(cover, &QAction::triggered, this, &MediaPane::useCurrentAsCover);
    // The row's Fix button, from the keyboard and the context menu.
    auto *fix = new QAction(tr("Fix for TikTok"), m_view);
    fix->setObjectName(QStringLiteral("fixMediaAction"));
    fix->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(fix, &QAction::triggered, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (!m_locked && current.isValid() && !current.data(MediaListModel::FixRole).toString().isEmpty()) {
            Q_EMIT fixRequested(current.data(MediaListModel::ItemIdRole).toInt());
        }
    });
    auto *separator = new QAction(m_view);
    separator->setSeparator(true);
    auto *remove = new QAction(tr("Remove"), m_view);
    remove->setObjectName(QStringLiteral("removeMediaAction"));
    remove->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    connect(remove, &QAction::triggered, this, &MediaPane::removeSelected);
    for (QAction *action : {earlier, later, cover, fix, separator, remove}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }
}

void MediaPane::updatePage() {
    m_stack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
}

void MediaPane::updatePreview() {
    // The video chosen in the list, else the first one (a TikTok video post has one video).
    const auto isVideo = [](const QModelIndex &index) {
        return index.data(MediaListModel::TypeRole).toString() == u"video";
    };
    QModelIndex shown = m_view->currentIndex();
    int videos = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        if (isVideo(index)) {
            ++videos;
            shown = shown.isValid() && isVideo(shown) ? shown : index;
        }
    }
    const QString video =
        shown.isValid() && isVideo(shown) ? shown.data(MediaListModel::PathRole).toString() : QString();
    m_preview->setSource(video);
    // A frame of one video is no cover for another.
    m_preview->setCoverPickerShown(videos == 1 && m_videoCoverApplies);
    m_preview->setVisible(!video.isEmpty());
    fitList();
}

void MediaPane::fitList() {
    // Beside a preview the list takes only the room its rows need (up to two and a half), so the
    // preview gets the rest; alone it fills the pane.
    if (m_preview->isHidden() || m_model->rowCount() == 0) {
        m_stack->setMaximumHeight(QWIDGETSIZE_MAX);
        return;
    }
    int rows = 0;
    for (int row = 0; row < std::min(m_model->rowCount(), 3); ++row) {
        rows += m_view->sizeHintForRow(row) * (row == 2 ? 1 : 2);
    }
    m_stack->setMaximumHeight(rows / 2 + 2 * m_view->frameWidth() + 2);
}

void MediaPane::setVideoCoverApplies(bool applies) {
    if (applies != m_videoCoverApplies) {
        m_videoCoverApplies = applies;
        updatePreview();
    }
}

std::optional<qint64> MediaPane::videoCoverMs() const {
    return m_preview->coverMs();
}

void MediaPane::setVideoCoverMs(std::optional<qint64> coverMs) {
    m_preview->setCoverMs(coverMs);
}

void MediaPane::useCurrentAsCover() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.data(MediaListModel::TypeRole).toString() != u"photo") {
        return;
    }
    m_model->setCoverRow(current.row());
    Q_EMIT coverChanged();
}

void MediaPane::addFiles(const QStringList &paths) {
    if (paths.isEmpty() || m_locked) {
        return;
    }
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        m_queue->enqueue(m_model->addFile(absolute), absolute);
    }
    m_lastDirectory = QFileInfo(paths.constLast()).absolutePath();
}

void MediaPane::addStored(const QString &storePath, const MediaDescriptor &descriptor) {
    const int id = m_model->addStored(storePath, descriptor);
    m_queue->enqueueThumbnail(id, storePath, descriptor.rotation.value_or(0));
}

void MediaPane::clear() {
    m_model->clear();
}

void MediaPane::setLocked(bool locked) {
    m_locked = locked;
    updateRowActions();
    for (QAction *action : m_view->actions()) {
        action->setEnabled(!locked);
    }
    m_view->setDragEnabled(!locked);
}

void MediaPane::showItem(int row) {
    const QModelIndex index = m_model->index(row);
    m_view->setCurrentIndex(index);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(index);
    m_view->setFocus();
}

void MediaPane::removeSelected() {
    if (m_locked) {
        return;
    }
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        rows << index.row();
    }
    if (rows.isEmpty() && m_view->currentIndex().isValid()) {
        rows << m_view->currentIndex().row();
    }
    m_model->removeRowsAt(rows);
}

void MediaPane::moveCurrent(int offset) {
    const int row = m_view->currentIndex().row();
    const int target = row + offset;
    if (m_locked || row < 0 || target < 0 || target >= m_model->rowCount()) {
        return;
    }
    // moveRows() inserts before `destinationChild`, counted before the move.
    m_model->moveRows({}, row, 1, {}, offset > 0 ? target + 1 : target);
    m_view->selectionModel()->select(m_model->index(target), QItemSelectionModel::ClearAndSelect);
}

} // namespace cq::ui
