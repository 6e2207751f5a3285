#pragma once

#include <QGroupBox>

#include "media/MediaDescriptor.h"

#include <optional>

class QListView;
class QStackedWidget;

namespace cq {
class MediaProber;
}

namespace cq::ui {

class MediaListModel;
class MediaProbeQueue;
class TrimStep;
class VideoPreview;

// The media of the post being composed: a drop hint while there is none, then the list with
// thumbnails, metadata and each item's findings. Files are probed off the GUI thread; items can be
// moved (drag, or Alt+Up/Down) and removed (Delete) unless the pane is locked, as a stored post's
// media are. A photo can be made the carousel's cover (Ctrl+K); a video is previewed below the list
// in TikTok's 9:16 frame, with its cover frame picker. A row whose findings a conversion clears has
// "Fix" at its right end, and while it converts its progress and "Cancel"; the trim step of a too
// long video sits below the preview.
class MediaPane : public QGroupBox {
    Q_OBJECT

public:
    // `prober` must outlive the pane; `addShortcut` is named in the drop hint.
    MediaPane(const MediaProber &prober, const QKeySequence &addShortcut, QWidget *parent = nullptr);

    MediaListModel *model() const { return m_model; }
    MediaProbeQueue *queue() const { return m_queue; }
    QListView *view() const { return m_view; }
    VideoPreview *preview() const { return m_preview; }
    TrimStep *trimStep() const { return m_trim; }
    // The video's chosen cover frame (nullopt: TikTok's default).
    std::optional<qint64> videoCoverMs() const;
    void setVideoCoverMs(std::optional<qint64> coverMs);
    // Whether a video cover frame applies (TikTok ignores it when the post goes to the inbox).
    void setVideoCoverApplies(bool applies);

    // Local files, in order; each is probed in the background.
    void addFiles(const QStringList &paths);
    // Media of a stored post (its copy in the store), described as it was probed then.
    void addStored(const QString &storePath, const MediaDescriptor &descriptor);
    void clear();
    void setLocked(bool locked);
    bool isLocked() const { return m_locked; }
    // Selects item `row` and moves the focus to it.
    void showItem(int row);
    // Where files were last added from: where "Add media…" opens.
    const QString &lastDirectory() const { return m_lastDirectory; }

Q_SIGNALS:
    // Another cover was chosen (a photo, or a video frame).
    void coverChanged();
    // "Fix" or "Cancel" on the row of item `itemId`.
    void fixRequested(int itemId);
    void cancelFixRequested(int itemId);

private:
    void buildActions();
    void removeSelected();
    void moveCurrent(int offset);
    void useCurrentAsCover();
    void updatePage();
    void updatePreview();
    void fitList();
    // Gives each row that can be fixed or is converting its MediaRowActions, in their state now.
    void updateRowActions();

    MediaListModel *m_model;
    MediaProbeQueue *m_queue;
    QStackedWidget *m_stack;
    QListView *m_view;
    VideoPreview *m_preview;
    TrimStep *m_trim;
    QString m_lastDirectory;
    bool m_locked = false;
    bool m_videoCoverApplies = true;
};

} // namespace cq::ui
