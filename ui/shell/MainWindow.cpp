#include "shell/MainWindow.h"

#include "accounts/AccountSetsEditor.h"
#include "accounts/AccountsPage.h"
#include "calendar/CalendarPage.h"
#include "common/AppIcon.h"
#include "composer/ComposerPage.h"
#include "media/FfmpegVersion.h"
#include "queue/PostDetailsPanel.h"
#include "queue/QueueFilterBar.h"
#include "queue/QueuePage.h"
#include "review/ReviewPage.h"
#include "session/Backend.h"
#include "settings/SettingsDialog.h"
#include "shell/PublishingStatusWidget.h"
#include "shell/TrayIcon.h"
#include "shell/WelcomePage.h"
#include "util/Settings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>

namespace cq::ui {

MainWindow::MainWindow(Backend &backend, const MediaProber &prober, QWidget *parent)
    : QMainWindow(parent)
    , m_backend(backend) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ClipQueue"));
    m_composer = new ComposerPage(backend, prober);
    m_queue = new QueuePage(backend);
    m_details = new PostDetailsPanel(backend);
    m_review = new ReviewPage(backend);
    m_accounts = new AccountsPage(backend);
    m_accounts->setAccountSetsEditor(new AccountSetsEditor(backend));
    m_welcome = new WelcomePage(backend);
    m_calendar = new CalendarPage(backend);

    m_queueSplit = new QSplitter(Qt::Horizontal);
    m_queueSplit->setObjectName(QStringLiteral("queueSplitter"));
    m_queueSplit->addWidget(m_queue);
    m_queueSplit->addWidget(m_details);
    m_queueSplit->setStretchFactor(0, 3);
    m_queueSplit->setStretchFactor(1, 2);
    m_queueSplit->setChildrenCollapsible(false);

    m_pages = new QStackedWidget;
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_composer);
    m_pages->addWidget(m_queueSplit);
    m_pages->addWidget(m_review);
    m_pages->addWidget(m_accounts);
    m_pages->addWidget(m_calendar);
    m_pages->addWidget(m_welcome);

    buildNavigation();
    // The navigation keeps its width whatever page is shown.
    auto *central = new QWidget;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    buildMenus();
    buildStatusBar();
    buildTray();
    connectBackend();

    connect(m_queue, &QueuePage::currentPostChanged, m_details, &PostDetailsPanel::showPost);
    connect(m_queue, &QueuePage::editRequested, this, &MainWindow::editPost);
    connect(m_queue, &QueuePage::composeRequested, this, [this] { showPage(Page::Compose); });
    connect(m_composer, &ComposerPage::accountsRequested, this, [this] { showPage(Page::Accounts); });
    connect(m_accounts, &AccountsPage::settingsRequested, this, &MainWindow::openSettings);
    connect(m_welcome, &WelcomePage::settingsRequested, this, &MainWindow::openSettings);
    connect(m_welcome, &WelcomePage::connectRequested, this, [this] {
        showPage(Page::Accounts);
        m_accounts->connectAccount();
    });
    connect(m_welcome, &WelcomePage::finished, this, [this] { showPage(Page::Compose); });
    connect(m_details, &PostDetailsPanel::editRequested, this, &MainWindow::editPost);
    connect(m_calendar, &CalendarPage::editRequested, this, &MainWindow::editPost);
    connect(m_calendar, &CalendarPage::composeRequested, this, &MainWindow::composeAt);
    // The queue and the calendar show the same posts: one filter, whichever page it is set on.
    connect(m_queue->filterBar(), &QueueFilterBar::filterChanged, m_calendar->filterBar(),
            &QueueFilterBar::setFilter);
    connect(m_calendar->filterBar(), &QueueFilterBar::filterChanged, m_queue->filterBar(),
            &QueueFilterBar::setFilter);
    connect(m_review, &ReviewPage::countChanged, this, [this](int count) {
        m_reviewCount = count;
        updateNavigationLabels();
    });
    const int lineHeight = fontMetrics().height();
    resize(lineHeight * 96, lineHeight * 54);
    // The queue gets most of the width; the details of the chosen post the rest.
    const int queueWidth = width() * 3 / 5;
    m_queueSplit->setSizes({queueWidth, width() - queueWidth});
    showPage(Page::Compose);
}

MainWindow::~MainWindow() = default;

void MainWindow::buildNavigation() {
    m_navigation = new QListWidget;
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setIconSize(QSize(fontMetrics().height() * 3 / 2, fontMetrics().height() * 3 / 2));
    m_navigation->setSpacing(fontMetrics().height() / 4);
    const auto add = [this](const QIcon &icon) {
        auto *item = new QListWidgetItem(icon, QString(), m_navigation);
        item->setSizeHint(QSize(0, fontMetrics().height() * 5 / 2));
    };
    add(themedIcon(QStringLiteral("document-new"), QStringLiteral("compose")));
    add(themedIcon(QStringLiteral("view-calendar-list"), QStringLiteral("queue")));
    add(themedIcon(QStringLiteral("mail-mark-important"), QStringLiteral("review")));
    add(themedIcon(QStringLiteral("system-users"), QStringLiteral("accounts")));
    add(themedIcon(QStringLiteral("x-office-calendar"), QStringLiteral("calendar")));
    updateNavigationLabels();
    m_navigation->setFixedWidth(fontMetrics().horizontalAdvance(tr("Review (999)"))
                                + fontMetrics().height() * 4);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_navigation->count()) {
            m_pages->setCurrentIndex(row);
        }
    });
}

void MainWindow::updateNavigationLabels() {
    const QStringList labels{tr("Compose"), tr("Queue"),
                             m_reviewCount > 0 ? tr("Review (%1)").arg(m_reviewCount) : tr("Review"),
                             tr("Accounts"), tr("Calendar")};
    for (int i = 0; i < labels.size(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        item->setText(labels.at(i));
        item->setData(Qt::AccessibleTextRole, labels.at(i));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(labels.at(i)).arg(i + 1));
    }
}

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions(m_composer->fileActions());
    file->addSeparator();
    QAction *settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &MainWindow::requestQuit);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *post = menuBar()->addMenu(tr("&Post"));
    post->addActions(m_composer->postActions());

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QStringList names{tr("&Compose"), tr("&Queue"), tr("&Review"), tr("&Accounts"), tr("C&alendar")};
    for (int i = 0; i < names.size(); ++i) {
        QAction *action = view->addAction(names.at(i), this, [this, i] { showPage(Page(i)); });
        action->setObjectName(QStringLiteral("showPage%1").arg(i));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        m_pageActions << action;
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About ClipQueue"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
}

void MainWindow::buildStatusBar() {
    m_status = new PublishingStatusWidget;
    m_database = new QLabel;
    m_database->setObjectName(QStringLiteral("databaseLabel"));
    m_database->setAccessibleName(tr("Database"));
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_database);
}

void MainWindow::connectBackend() {
    connect(&m_backend, &Backend::workspaceChanged, this, [this] {
        m_database->setText(m_backend.workspace().databaseDescription);
        m_database->setToolTip(
            tr("Posts are stored in %1; media in %2")
                .arg(m_backend.workspace().databaseDescription, m_backend.workspace().mediaStoreRoot));
    });
    // Only posts on their way to TikTok are named in the status bar: keep just their captions.
    connect(&m_backend, &Backend::postChanged, this, [this](const PostRow &row) {
        if (row.post.status == PostStatus::Publishing || row.post.status == PostStatus::Processing) {
            m_captions.insert(row.post.id, row.post.content.text);
        } else {
            m_captions.remove(row.post.id);
        }
    });
    connect(&m_backend, &Backend::uploadProgress, m_status,
            [this](const QString &id, qint64 sent, qint64 total) {
                m_status->showUploadProgress(id, m_captions.value(id), sent, total);
            });
    connect(&m_backend, &Backend::postSettled, m_status, [this](const PostRow &row) {
        m_status->showSettled(row.post.id, row.post.content.text, row.post.status);
        m_captions.remove(row.post.id);
    });
    connect(&m_backend, &Backend::failedToStart, m_status, [this](const QString &message) {
        m_status->showMessage(tr("ClipQueue could not start: %1").arg(message));
    });
    connect(&m_backend, &Backend::errorOccurred, m_status, &PublishingStatusWidget::showMessage);
}

void MainWindow::buildTray() {
    m_tray = new TrayIcon(m_backend, this);
    setWindowIcon(m_tray->icon()->icon());
    connect(m_tray, &TrayIcon::openRequested, this, &MainWindow::raiseWindow);
    connect(m_tray, &TrayIcon::postOpenRequested, this, &MainWindow::openPost);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::requestQuit);
    if (m_tray->isAvailable()) {
        m_tray->show();
    }
}

void MainWindow::showPage(Page page) {
    // The welcome page has no entry in the navigation.
    m_navigation->setCurrentRow(page == Page::Welcome ? -1 : int(page));
    m_pages->setCurrentIndex(int(page));
}

void MainWindow::showWelcomeIfFirstStart() {
    if (WelcomePage::wanted()) {
        showPage(Page::Welcome);
    }
}

QDialog *MainWindow::openSettings() {
    auto *dialog = new SettingsDialog(m_backend, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::saved, this, [this](const SettingsDialog::Changes &changes) {
        if (changes.tiktok) {
            m_backend.reloadTikTokSettings();
        }
        if (changes.publishing) {
            m_backend.setPublishing(Settings().flag(Setting::PublishFromThisComputer));
        }
        if (changes.restart) {
            m_status->showMessage(tr("Settings saved. The new data folder, database or name are used from "
                                     "the next start of ClipQueue."));
        }
        m_welcome->updateSteps();
    });
    dialog->open();
    return dialog;
}

void MainWindow::raiseWindow() {
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::openPost(const QString &id) {
    raiseWindow();
    showPage(Page::Queue);
    m_details->showPost(id);
}

void MainWindow::requestQuit() {
    if (m_composer->hasUnsavedChanges() && !m_composer->confirmDiscard()) {
        return;
    }
    if (!m_backend.isReady()) {
        quitNow();
        return;
    }
    m_backend.countDueWithin(QuitWarningWindow, this, [this](std::expected<int, Error> due) {
        if (!due || *due == 0) {
            quitNow();
            return;
        }
        raiseWindow();
        auto *box = new QMessageBox(
            QMessageBox::Question, tr("Quit ClipQueue?"),
            tr("%n post(s) due in the next %1 hours.", nullptr, *due).arg(QuitWarningWindow.count()) + u' '
                + tr("They go out only while ClipQueue runs, here or on another computer of your team "
                     "(clipqueue-cli run). Quit anyway?"),
            QMessageBox::NoButton, this);
        box->setObjectName(QStringLiteral("quitConfirmation"));
        QPushButton *quit = box->addButton(tr("&Quit anyway"), QMessageBox::DestructiveRole);
        QPushButton *keep = box->addButton(tr("&Keep running"), QMessageBox::RejectRole);
        box->setDefaultButton(keep);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, quit] {
            if (box->clickedButton() == quit) {
                quitNow();
            }
        });
        box->open();
    });
}

void MainWindow::quitNow() {
    m_quitting = true;
    close();
    m_tray->icon()->hide();
    Q_EMIT quitConfirmed();
}

MainWindow::Page MainWindow::currentPage() const {
    return Page(m_pages->currentIndex());
}

void MainWindow::addFiles(const QStringList &paths) {
    if (paths.isEmpty()) {
        return;
    }
    m_composer->addFiles(paths);
    showPage(Page::Compose);
}

void MainWindow::composeAt(const QDateTime &atUtc, const QString &zone) {
    if (m_composer->hasUnsavedChanges() && !m_composer->confirmDiscard()) {
        return;
    }
    m_composer->composeAt(atUtc, zone);
    showPage(Page::Compose);
}

void MainWindow::editPost(const QString &id) {
    if (m_composer->hasUnsavedChanges() && !m_composer->confirmDiscard()) {
        return;
    }
    m_backend.postDetails(id, this, [this](std::expected<PostDetails, Error> details) {
        if (!details) {
            m_status->showMessage(details.error().message);
            return;
        }
        m_composer->editPost(details->row);
        showPage(Page::Compose);
    });
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_quitting) {
        event->accept();
        return;
    }
    event->ignore();
    // Publishing, and converting the composer's media (its result lands there), go on in the tray.
    const bool working = m_backend.isPublishing() || m_backend.conformsRunning() > 0;
    if (!working || !m_tray->isAvailable()) {
        requestQuit(); // closing the window is quitting
        return;
    }
    // Publishing goes on in the tray; that is said once, the first time.
    hide();
    Settings settings;
    if (!settings.flag(Setting::TrayExplained)) {
        settings.setFlag(Setting::TrayExplained, true);
        m_tray->notify(tr("ClipQueue keeps publishing"),
                       tr("ClipQueue runs on in the tray and publishes due posts. Quit from the tray menu."));
    }
}

void MainWindow::showAbout() {
    const WorkspaceInfo &workspace = m_backend.workspace();
    QMessageBox::about(
        this, tr("About ClipQueue"),
        tr("<h3>ClipQueue %1</h3><p>Prepare, review, schedule and publish TikTok posts.</p>"
           "<p>Qt %2 (built with %3)<br>FFmpeg %4</p>"
           "<p>Posts: %5<br>Media: %6</p>"
           "<p>ClipQueue is free software under the "
           "<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">GNU General Public License, version 3 or "
           "later</a>. It comes with no warranty.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                 QStringLiteral(QT_VERSION_STR), ffmpegVersion().toHtmlEscaped(),
                 workspace.databaseDescription.toHtmlEscaped(), workspace.mediaStoreRoot.toHtmlEscaped()));
}

} // namespace cq::ui
