#include "RunCommand.h"

#include "publish/SchedulerRunner.h"
#include "session/Session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QHash>
#include <QLocale>

namespace cq::cli {

namespace {

// Upload progress on `err`, one line per tenth of the media so that logs stay readable.
void reportUploads(Publisher &publisher, QObject &context, QTextStream &err) {
    QObject::connect(&publisher, &Publisher::uploadProgress, &context,
                     [&err, reportedTenth = QHash<QString, qint64>()](const QString &id, qint64 sent,
                                                                      qint64 total) mutable {
                         const qint64 tenth = total > 0 ? sent * 10 / total : 0;
                         if (tenth == reportedTenth.value(id, -1)) {
                             return;
                         }
                         reportedTenth.insert(id, tenth);
                         const QLocale c = QLocale::c();
                         err << id << "  uploading " << tenth * 10 << "% ("
                             << c.formattedDataSize(sent, 1, QLocale::DataSizeSIFormat) << " of "
                             << c.formattedDataSize(total, 1, QLocale::DataSizeSIFormat) << ")\n";
                         err.flush();
                     });
}

} // namespace

RunCommand::RunCommand(PublisherFactory factory)
    : m_factory(std::move(factory)) {
}

ExitCode RunCommand::run(const QStringList &arguments, CliStreams streams) {
    QCommandLineParser parser;
    const QCommandLineOption once(
        QStringLiteral("once"),
        QStringLiteral("Publish what is due, wait for those posts to settle, and exit."));
    parser.addOption(once);
    if (!parser.parse(QStringList{name()} + arguments) || !parser.positionalArguments().isEmpty()) {
        streams.err << "Usage: clipqueue-cli run [--once]\n";
        return ExitCode::Usage;
    }
    auto session = Session::open();
    if (!session) {
        return fail(streams.err, session.error());
    }
    auto publisher = m_factory(**session);
    if (!publisher) {
        return fail(streams.err, publisher.error());
    }
    const SchedulerRunner::Options options = (*session)->runnerOptions();
    SchedulerRunner runner((*session)->posts(), **publisher, (*session)->clock(), options);
    bool failed = false;
    QObject::connect(&runner, &SchedulerRunner::errorOccurred, &runner, [&](const QString &message) {
        streams.err << "error: " << message << '\n';
        streams.err.flush();
        failed = true;
    });
    // A pass that keeps failing (a read-only database) was said once; when the runner gives up,
    // so does `run`, with a non-zero exit.
    QObject::connect(&runner, &SchedulerRunner::gaveUp, &runner, [&](const QString &message) {
        streams.err << "error: " << message << '\n';
        streams.err.flush();
        failed = true;
        QCoreApplication::exit(int(ExitCode::Runtime));
    });
    reportUploads(**publisher, runner, streams.err);
    QObject::connect(&runner, &SchedulerRunner::postSettled, &runner,
                     [&](const QString &id, PostStatus status) {
                         streams.out << id << "  " << postStatusName(status) << '\n';
                         streams.out.flush();
                     });

    if (!parser.isSet(once)) {
        streams.err << "Publishing due posts from " << (*session)->config().database.describe()
                    << " as runner " << runner.runnerId() << ". Stop with Ctrl+C.\n";
        streams.err.flush();
        runner.start();
        QCoreApplication::exec();
        return failed ? ExitCode::Runtime : ExitCode::Success;
    }
    auto handed = runner.runPass();
    if (!handed) {
        return fail(streams.err, handed.error());
    }
    if (runner.inFlight() > 0) {
        QEventLoop loop;
        QObject::connect(&runner, &SchedulerRunner::idle, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return failed ? ExitCode::Runtime : ExitCode::Success;
}

} // namespace cq::cli
