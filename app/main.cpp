// The desktop app's composition root: creates the services once, in order, and passes them down.
#include "common/AppIcon.h"
#include "media/MediaProber.h"
#include "session/AppConfig.h"
#include "session/Backend.h"
#include "shell/InstanceChannel.h"
#include "shell/MainWindow.h"
#include "shell/Translations.h"
#include "shell/TrayIcon.h"
#include "util/Settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[]) {
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ClipQueue"));
    QApplication::setApplicationName(QStringLiteral("ClipQueue"));
    QApplication::setApplicationDisplayName(QStringLiteral("ClipQueue"));
    QApplication::setApplicationVersion(QStringLiteral(CLIPQUEUE_VERSION));
    // Wayland compositors and docks match the window to the installed desktop entry and its icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.clipqueue.ClipQueue"));
    QApplication::setWindowIcon(cq::ui::applicationIcon());
    cq::ui::installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Prepare, review, schedule and publish TikTok posts."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QApplication::translate("main", "Videos or photos to add to a new post."),
                                 QStringLiteral("[FILE...]"));
    const QCommandLineOption noPublish(
        QStringLiteral("no-publish"),
        QApplication::translate(
            "main", "Do not publish due posts from this window (leave it to clipqueue-cli run elsewhere)."));
    parser.addOption(noPublish);
    parser.process(app);

    QStringList files;
    for (const QString &path : parser.positionalArguments()) {
        files.append(QFileInfo(path).absoluteFilePath());
    }
    // A second start (a file manager's "Open with ClipQueue") hands its files to the window already
    // open on the same data folder and exits.
    const auto config = cq::AppConfig::load();
    cq::ui::InstanceChannel instance(config ? config->dataDirectory : QString());
    if (instance.handOver(files)) {
        return 0;
    }
    instance.listen();

    // Everything that touches the database, the keychain or the network runs on the Backend's worker
    // thread; with publishing on, due posts go out from here (leases keep several windows and
    // `clipqueue-cli run` from sending one twice). The window shows at once and fills in as the
    // worker answers.
    const cq::MediaProber prober;
    const cq::Settings settings;
    cq::Backend backend;
    cq::ui::MainWindow window(backend, prober);
    // The window may go to the tray and come back: only its Quit ends the app.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&window, &cq::ui::MainWindow::quitConfirmed, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    window.showWelcomeIfFirstStart();
    window.addFiles(files);
    const bool toTray =
        settings.flag(cq::Setting::StartMinimised) && files.isEmpty() && window.tray()->isAvailable();
    if (!toTray) {
        window.show();
    }
    QObject::connect(&instance, &cq::ui::InstanceChannel::filesHandedOver, &window,
                     [&window](const QStringList &paths) {
                         window.addFiles(paths);
                         window.showNormal();
                         window.raise();
                         window.activateWindow();
                     });
    // For bench/bench_startup: report when the window has been shown (its first paint is queued before
    // anything else) and when the database is open, then quit.
    if (qEnvironmentVariableIsSet("CLIPQUEUE_STARTUP_PROBE")) {
        QTimer::singleShot(0, &app, [&sinceStart] {
            std::fprintf(stderr, "clipqueue: window shown after %lld ms\n",
                         static_cast<long long>(sinceStart.elapsed()));
        });
        QObject::connect(&backend, &cq::Backend::ready, &app, [&sinceStart] {
            std::fprintf(stderr, "clipqueue: database ready after %lld ms\n",
                         static_cast<long long>(sinceStart.elapsed()));
            QTimer::singleShot(0, qApp, &QApplication::quit);
        });
    }
    cq::Backend::Options options;
    options.publish = !parser.isSet(noPublish) && settings.flag(cq::Setting::PublishFromThisComputer);
    backend.start(options);
    return QApplication::exec();
}
