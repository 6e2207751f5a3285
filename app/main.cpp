// The desktop app's composition root: creates the services once, in order, and passes them down.
// For now a plain window hosts the composer page; the shell (ui/shell/MainWindow) replaces it.
#include "composer/ComposerPage.h"
#include "media/MediaProber.h"
#include "session/Backend.h"
#include "shell/PublishingStatusWidget.h"

#include <QApplication>
#include <QCloseEvent>
#include <QCommandLineParser>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>

namespace {

// Asks the composer before the window closes, so an unsaved post is not lost.
class ComposerHost : public QMainWindow {
public:
    explicit ComposerHost(cq::ui::ComposerPage *page) {
        setWindowTitle(QStringLiteral("ClipQueue"));
        setCentralWidget(page);
        m_page = page;
        QMenu *file = menuBar()->addMenu(QStringLiteral("&File"));
        file->addActions(page->fileActions());
        file->addSeparator();
        QAction *quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
        quit->setShortcut(QKeySequence::Quit);
        quit->setObjectName(QStringLiteral("quitAction"));
        menuBar()->addMenu(QStringLiteral("&Post"))->addActions(page->postActions());
        const int em = fontMetrics().averageCharWidth();
        resize(em * 140, fontMetrics().height() * 42);
    }

protected:
    void closeEvent(QCloseEvent *event) override {
        if (m_page->confirmDiscard()) {
            event->accept();
        } else {
            event->ignore();
        }
    }

private:
    cq::ui::ComposerPage *m_page = nullptr;
};

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClipQueue"));
    QApplication::setApplicationName(QStringLiteral("ClipQueue"));
    QApplication::setApplicationDisplayName(QStringLiteral("ClipQueue"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prepare, review, schedule and publish TikTok posts."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QStringLiteral("Videos or photos to add to a new post."),
                                 QStringLiteral("[FILE...]"));
    const QCommandLineOption noPublish(
        QStringLiteral("no-publish"),
        QStringLiteral(
            "Do not publish due posts from this window (leave it to clipqueue-cli run elsewhere)."));
    parser.addOption(noPublish);
    parser.process(app);

    // Everything that touches the database, the keychain or the network runs on the Backend's worker
    // thread; with publishing on, due posts go out from here (leases keep several windows and
    // `clipqueue-cli run` from sending one twice).
    const cq::MediaProber prober;
    cq::Backend backend;
    auto *page = new cq::ui::ComposerPage(backend, prober);
    ComposerHost window(page);
    page->addFiles(parser.positionalArguments());

    auto *status = new cq::ui::PublishingStatusWidget;
    window.statusBar()->addPermanentWidget(status);
    QHash<QString, QString> captions; // post id → caption, to name the post being uploaded
    QObject::connect(&backend, &cq::Backend::postChanged, status, [&captions](const cq::PostRow &row) {
        captions.insert(row.post.id, row.post.content.text);
    });
    QObject::connect(&backend, &cq::Backend::uploadProgress, status,
                     [status, &captions](const QString &id, qint64 sent, qint64 total) {
                         status->showUploadProgress(id, captions.value(id), sent, total);
                     });
    QObject::connect(&backend, &cq::Backend::postSettled, status, [status](const cq::PostRow &row) {
        status->showSettled(row.post.id, row.post.content.text, row.post.status);
    });
    QObject::connect(&backend, &cq::Backend::failedToStart, status,
                     [status](const QString &message) { status->showMessage(u"Not started: " + message); });
    QObject::connect(&backend, &cq::Backend::errorOccurred, status,
                     &cq::ui::PublishingStatusWidget::showMessage);
    window.show();
    cq::Backend::Options options;
    options.publish = !parser.isSet(noPublish);
    backend.start(options);
    const int code = QApplication::exec();
    backend.stop();
    return code;
}
