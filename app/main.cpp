// The desktop app's composition root: creates the services once, in order, and passes them down.
#include "ComposerWindow.h"
#include "PublishingStatusWidget.h"
#include "media/MediaProber.h"
#include "session/Backend.h"

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

    // Everything that touches the database, the keychain or the network runs on the Backend's worker
    // thread: the accounts and their creator info for the composer, and (unless --no-publish) the
    // due posts, with leases keeping several windows and `clipqueue-cli run` from sending one twice.
    cq::Backend backend;
    auto *status = new cq::ui::PublishingStatusWidget;
    window.statusBar()->addPermanentWidget(status);
    QHash<QString, QString> captions; // of posts uploading now, to name them in the status bar
    QObject::connect(&backend, &cq::Backend::accountsChanged, &window, [&] {
        for (const cq::AccountSummary &account : backend.accounts()) {
            if (account.isDefault) {
                window.setCreator(account.label(), account.creator);
            }
        }
    });
    QObject::connect(&backend, &cq::Backend::postChanged, status,
                     [&](const cq::PostRow &row) { captions.insert(row.post.id, row.post.content.text); });
    QObject::connect(&backend, &cq::Backend::uploadProgress, status,
                     [&](const QString &id, qint64 sent, qint64 total) {
                         status->showUploadProgress(id, captions.value(id), sent, total);
                     });
    QObject::connect(&backend, &cq::Backend::postSettled, status, [&](const cq::PostRow &row) {
        status->showSettled(row.post.id, row.post.content.text, row.post.status);
    });
    QObject::connect(&backend, &cq::Backend::failedToStart, status, [status](const QString &message) {
        status->showMessage(u"Not publishing: " + message);
    });
    QObject::connect(&backend, &cq::Backend::errorOccurred, status,
                     &cq::ui::PublishingStatusWidget::showMessage);
    window.show();
    cq::Backend::Options options;
    options.publish = !parser.isSet(noPublish);
    backend.start(options);
    return QApplication::exec();
}
