// The desktop app's composition root: creates the services once, in order, and passes them down.
#include "ComposerWindow.h"
#include "media/MediaProber.h"

#include <QApplication>
#include <QCommandLineParser>

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
    window.show();
    return QApplication::exec();
}
