// The desktop app's composition root: creates the services once, in order, and passes them down.
#include "ComposerWindow.h"
#include "PublishingStatusWidget.h"
#include "media/MediaProber.h"
#include "session/PublishingThread.h"
#include "session/Session.h"

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

    // The default account's creator info: the cached copy at once, then TikTok's answer.
    auto session = cq::Session::open();
    if (!session) {
        window.statusBar()->showMessage(session.error().message);
    } else if (auto tiktok = (*session)->tiktok(); tiktok) {
        if (auto account = (*tiktok)->accounts->find(QString()); account) {
            const QString name = account->displayName;
            const auto show = [&window, name](const std::optional<cq::CreatorInfo> &info) {
                window.setCreator(
                    info && !info->username.isEmpty() ? name + u" (@" + info->username + u')' : name, info);
            };
            auto cached = (*session)->creators().lookup(account->id);
            show(cached && *cached ? std::optional((*cached)->info) : std::nullopt);
            (*session)->refreshCreatorInfo(account->id, [&window, show](auto info) {
                if (info) {
                    show(*info);
                } else {
                    window.statusBar()->showMessage(u"Creator info not refreshed: " + info.error().message);
                }
            });
        }
    }

    // Due posts of a connected account go out from here too, on a worker thread; the leases keep
    // several windows and `clipqueue-cli run` from publishing one post twice.
    cq::PublishingThread publishing;
    auto *status = new cq::ui::PublishingStatusWidget;
    window.statusBar()->addPermanentWidget(status);
    QObject::connect(&publishing, &cq::PublishingThread::uploadProgress, status,
                     &cq::ui::PublishingStatusWidget::showUploadProgress);
    QObject::connect(&publishing, &cq::PublishingThread::postSettled, status,
                     &cq::ui::PublishingStatusWidget::showSettled);
    QObject::connect(
        &publishing, &cq::PublishingThread::failedToStart, status,
        [status](const QString &message) { status->showMessage(u"Not publishing: " + message); });
    QObject::connect(&publishing, &cq::PublishingThread::errorOccurred, status,
                     &cq::ui::PublishingStatusWidget::showMessage);
    if (session && !parser.isSet(noPublish) && (*session)->tiktok()
        && (*(*session)->tiktok())->accounts->find(QString())) {
        publishing.start();
    }
    window.show();
    return QApplication::exec();
}
