#pragma once

#include <QMainWindow>

#include <chrono>

class QDialog;

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

class AccountsPage;
class CalendarPage;
class ComposerPage;
class PostDetailsPanel;
class PublishingStatusWidget;
class QueuePage;
class ReviewPage;
class TrayIcon;
class WelcomePage;

// The thin shell of the desktop app: navigation between the pages (Compose, Queue, Review,
// Accounts; a welcome page on the first start), the menus with their shortcuts, the settings dialog,
// the tray icon and the status bar. It only wires pages to each other; each page talks to the
// Backend itself. With publishing on and a tray to go to, closing the window keeps ClipQueue
// running there; quitting with posts due soon asks first.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    enum class Page { Compose, Queue, Review, Accounts, Calendar, Welcome };
    // How far ahead quitting looks for posts that would be held back.
    static constexpr std::chrono::hours QuitWarningWindow{3};

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
    AccountsPage *accounts() const { return m_accounts; }
    WelcomePage *welcome() const { return m_welcome; }
    TrayIcon *tray() const { return m_tray; }
    CalendarPage *calendar() const { return m_calendar; }
    PublishingStatusWidget *publishingStatus() const { return m_status; }

    // Shows the welcome page when this is a first start the environment does not configure.
    void showWelcomeIfFirstStart();
    // The settings dialog (window-modal, not blocking); returns it.
    QDialog *openSettings();
    // Brings the window back from the tray.
    void raiseWindow();
    // Shows one post: the queue with its details.
    void openPost(const QString &id);
    // Quits, after asking when posts are due within QuitWarningWindow.
    void requestQuit();

Q_SIGNALS:
    // Quitting was confirmed (or needed no question): the application should end.
    void quitConfirmed();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildTray();
    void quitNow();
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
    AccountsPage *m_accounts = nullptr;
    WelcomePage *m_welcome = nullptr;
    TrayIcon *m_tray = nullptr;
    bool m_quitting = false;
    CalendarPage *m_calendar = nullptr;
    PublishingStatusWidget *m_status = nullptr;
    QLabel *m_database = nullptr;
    QList<QAction *> m_pageActions;
    int m_reviewCount = 0;
    QHash<QString, QString> m_captions; // of posts the runner works on, to name them in the status bar
};

} // namespace cq::ui
