#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QSplitter;
class QStackedWidget;

namespace cq {
class Backend;
class MediaProber;
struct PostRow;
} // namespace cq

namespace cq::ui {

class CalendarPage;
class ComposerPage;
class PostDetailsPanel;
class PublishingStatusWidget;
class QueuePage;
class ReviewPage;

// The thin shell of the desktop app: navigation between the pages (Compose, Queue, Review), the
// menus with their shortcuts, and the status bar. It only wires pages to each other; each page talks
// to the Backend itself.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Page { Compose, Queue, Review, Calendar };

    // `backend` and `prober` must outlive the window.
    MainWindow(Backend &backend, const MediaProber &prober, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    // Files given on the command line or opened from a file manager: added to the composer.
    void addFiles(const QStringList &paths);
    // Opens a stored post in the composer (asking first if the composer holds unsaved changes).
    void editPost(const QString &id);

    ComposerPage *composer() const { return m_composer; }
    QueuePage *queue() const { return m_queue; }
    PostDetailsPanel *details() const { return m_details; }
    ReviewPage *review() const { return m_review; }
    CalendarPage *calendar() const { return m_calendar; }
    PublishingStatusWidget *publishingStatus() const { return m_status; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildNavigation();
    void buildMenus();
    void buildStatusBar();
    void connectBackend();
    void updateNavigationLabels();
    void showAbout();
    // A new post in the composer for a time picked in the calendar.
    void composeAt(const QDateTime &atUtc, const QString &zone);

    Backend &m_backend;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    ComposerPage *m_composer = nullptr;
    QSplitter *m_queueSplit = nullptr;
    QueuePage *m_queue = nullptr;
    PostDetailsPanel *m_details = nullptr;
    ReviewPage *m_review = nullptr;
    CalendarPage *m_calendar = nullptr;
    PublishingStatusWidget *m_status = nullptr;
    QLabel *m_database = nullptr;
    QList<QAction *> m_pageActions;
    int m_reviewCount = 0;
    QHash<QString, QString> m_captions; // of posts the runner works on, to name them in the status bar
};

} // namespace cq::ui
