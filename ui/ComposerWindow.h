#pragma once

#include <QMainWindow>

#include "post/CreatorInfo.h"
#include "post/Post.h"

#include <optional>

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
// GUI thread and listed with a thumbnail and its metadata. Beside the media, the TikTok settings of
// the post (caption with a UTF-16 counter, privacy with no default, interactions off by default)
// and every validation finding, re-checked on each change. Holds no rules of its own: validation
// is core's validatePost().
class ComposerWindow : public QMainWindow {
    Q_OBJECT

public:
    // `prober` must outlive the window.
    explicit ComposerWindow(const MediaProber &prober, QWidget *parent = nullptr);
    ~ComposerWindow() override;

    // Adds local files to the post, in order; they are probed in the background.
    void addFiles(const QStringList &paths);
    // The post as composed now.
    Post post() const;
    // Whom the post goes to, and what TikTok says that creator allows (cached or just fetched):
    // privacy levels the creator lacks cannot be chosen, interactions the creator turned off stay
    // off, and findings are checked against it. No info: creator limits are not checked.
    void setCreator(const QString &accountLabel, const std::optional<CreatorInfo> &info);
    MediaListModel *mediaModel() const { return m_media; }
    FindingsModel *findingsModel() const { return m_findings; }
    MediaProbeQueue *probeQueue() const { return m_queue; }

    // The readable label of a TikTok privacy level ("Everyone" for PUBLIC_TO_EVERYONE).
    static QString privacyLabel(const QString &level);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    QWidget *buildMediaPane();
    QWidget *buildSettingsPane();
    QWidget *buildFindingsPane();
    void chooseFiles();
    void removeSelectedMedia();
    void moveCurrentMedia(int offset);
    void revalidate();
    void updateInteractions(bool photoPost);
    void updateCaptionCounter(qsizetype units, int limit);
    void updateSummary();
    void showFinding(const QModelIndex &index);
    static QStringList localFiles(const QMimeData *mime);

    MediaListModel *m_media;
    FindingsModel *m_findings;
    MediaProbeQueue *m_queue;
    QString m_lastDirectory;
    QStackedWidget *m_mediaStack = nullptr;
    QListView *m_mediaView = nullptr;
    std::optional<CreatorInfo> m_creator;
    QLabel *m_account = nullptr;
    QPlainTextEdit *m_caption = nullptr;
    QLabel *m_captionCounter = nullptr;
    QComboBox *m_privacy = nullptr;
    QCheckBox *m_allowComment = nullptr;
    QCheckBox *m_allowDuet = nullptr;
    QCheckBox *m_allowStitch = nullptr;
    QLabel *m_interactionsNote = nullptr;
    QListView *m_findingsView = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace cq::ui
