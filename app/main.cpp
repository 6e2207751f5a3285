// The desktop app's composition root: creates the services once, in order, and passes them down.
#include "ComposerWindow.h"
#include "media/MediaProber.h"
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
    window.show();
    return QApplication::exec();
}
