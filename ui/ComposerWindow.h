#pragma once

#include "post/Post.h"

#include <QMainWindow>

class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QMimeData;
class QPlainTextEdit;
class QStackedWidget;

namespace cq {
class MediaProber;
}

namespace cq::ui {

class FindingsModel;
class MediaListModel;
class MediaProbeQueue;

// The post composer: drop video or photo files on it (or File > Add media…); each is probed off the
// GUI thread and listed with a thumbnail and its metadata. Beside it the TikTok settings of the
// post (caption, privacy with no default, interactions off by default) and below every validation
// finding, re-checked on each change. Holds no rules of its own: validation is core's.
class ComposerWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit ComposerWindow(const MediaProber &prober, QWidget *parent = nullptr);
    ~ComposerWindow() override;

    void addFiles(const QStringList &paths);
    // The post as composed now.
    Post post() const;
    MediaListModel *mediaModel() const { return m_media; }
    FindingsModel *findingsModel() const { return m_findings; }
    MediaProbeQueue *probeQueue() const { return m_queue; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    QWidget *buildMediaPane();
    QWidget *buildSettingsPane();
    void chooseFiles();
    void removeSelectedMedia();
    void revalidate();
    void showFinding(const QModelIndex &index);
    static QStringList localFiles(const QMimeData *mime);

    MediaListModel *m_media;
    FindingsModel *m_findings;
    MediaProbeQueue *m_queue;
    QStackedWidget *m_mediaStack = nullptr;
    QListView *m_mediaView = nullptr;
    QPlainTextEdit *m_caption = nullptr;
    QLabel *m_captionCounter = nullptr;
    QComboBox *m_privacy = nullptr;
    QCheckBox *m_allowComment = nullptr;
    QCheckBox *m_allowDuet = nullptr;
    QCheckBox *m_allowStitch = nullptr;
    QListView *m_findingsView = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace cq::ui
