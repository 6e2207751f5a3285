// The desktop app's composition root: creates the services once, in order, and passes them down.
#include "ComposerWindow.h"
#include "PublishingStatusWidget.h"
#include "media/MediaProber.h"
#include "session/PublishingThread.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStatusBar>

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

    const cq::MediaProber prober;
    cq::ui::ComposerWindow window(prober);
    window.addFiles(parser.positionalArguments());

    // Everything that touches the database, the keychain or the network runs on a worker thread:
    // the default account and its creator info for the composer, and (unless --no-publish) the
    // due posts, with leases keeping several windows and `clipqueue-cli run` from sending one twice.
    cq::PublishingThread background;
    auto *status = new cq::ui::PublishingStatusWidget;
    window.statusBar()->addPermanentWidget(status);
    QObject::connect(&background, &cq::PublishingThread::creatorChanged, &window,
                     &cq::ui::ComposerWindow::setCreator);
    QObject::connect(&background, &cq::PublishingThread::uploadProgress, status,
                     &cq::ui::PublishingStatusWidget::showUploadProgress);
    QObject::connect(&background, &cq::PublishingThread::postSettled, status,
                     &cq::ui::PublishingStatusWidget::showSettled);
    QObject::connect(
        &background, &cq::PublishingThread::failedToStart, status,
        [status](const QString &message) { status->showMessage(u"Not publishing: " + message); });
    QObject::connect(&background, &cq::PublishingThread::errorOccurred, status,
                     &cq::ui::PublishingStatusWidget::showMessage);
    window.show();
    background.start(!parser.isSet(noPublish));
    return QApplication::exec();
}
