#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>
#include <QtDebug>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace cq::test {

namespace {

constexpr int InitdbTimeoutMs = 120'000;
constexpr int StartTimeoutSeconds = 60; // pg_ctl -w -t
constexpr int PgCtlTimeoutMs = (StartTimeoutSeconds + 30) * 1000;
constexpr int CreatedbTimeoutMs = 60'000;
constexpr int StopTimeoutMs = 30'000;
constexpr int StartAttempts = 3; // a free port can be taken between choosing and binding it

// /usr/lib/postgresql/15/bin when it has initdb, else the newest /usr/lib/postgresql/*/bin that has.
QString postgresBinDir() {
    const QString preferred = QStringLiteral("/usr/lib/postgresql/15/bin");
    if (QFile::exists(preferred + u"/initdb")) {
        return preferred;
    }
    QStringList versions =
        QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toDouble() > b.toDouble(); });
    for (const QString &version : versions) {
        const QString dir = u"/usr/lib/postgresql/" + version + u"/bin";
        if (QFile::exists(dir + u"/initdb") && QFile::exists(dir + u"/pg_ctl")) {
            return dir;
        }
    }
    return {};
}

// A port nobody listens on right now: bind 127.0.0.1:0, read the port, close.
quint16 freeLoopbackPort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

PostgresServer::PostgresServer() {
    m_binDir = postgresBinDir();
    if (m_binDir.isEmpty()) {
        m_why =
            QStringLiteral("PostgreSQL is not installed (/usr/lib/postgresql/15/bin/initdb missing, and no "
                           "other /usr/lib/postgresql/*/bin/initdb); install the postgresql package");
        return;
    }
    uid_t uid = 0;
    gid_t gid = 0;
    if (::geteuid() == 0) {
        // PostgreSQL refuses to run as root.
        const passwd *postgres = ::getpwnam("postgres");
        if (!postgres) {
            m_why = u"PostgreSQL is installed in " + m_binDir
                    + u" but there is no `postgres` system user to run the server as (this process runs as "
                      u"root, which PostgreSQL refuses); reinstall the postgresql-common package or run as "
                      u"an ordinary user";
            return;
        }
        uid = postgres->pw_uid;
        gid = postgres->pw_gid;
        m_runuser = QStandardPaths::findExecutable(QStringLiteral("runuser"));
        if (m_runuser.isEmpty()) {
            m_runuser = QStandardPaths::findExecutable(
                QStringLiteral("runuser"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
        }
        if (m_runuser.isEmpty()) {
            m_why = QStringLiteral("running as root, PostgreSQL must run as the postgres user, but runuser "
                                   "(util-linux) is not installed");
            return;
        }
    }
    // Under /tmp rather than $TMPDIR: the postgres user must reach it, and the socket path must stay
    // short (108 bytes at most).
    QTemporaryDir folder(QStringLiteral("/tmp/clipqueue-pg-XXXXXX"));
    if (!folder.isValid()) {
        m_why = u"cannot create a folder for the server under /tmp: " + folder.errorString();
        return;
    }
    folder.setAutoRemove(false); // the destructor removes it after stopping the server
    m_folder = folder.path();
    if (!m_runuser.isEmpty() && ::chown(QFile::encodeName(m_folder).constData(), uid, gid) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        m_why = u"cannot hand " + m_folder + u" to the postgres user: " + reason;
        return;
    }
    const RunResult initdb =
        run(m_binDir + u"/initdb",
            {QStringLiteral("-D"), dataDir(), QStringLiteral("-A"), QStringLiteral("trust"),
             QStringLiteral("-U"), QStringLiteral("clipqueue"), QStringLiteral("--no-sync"),
             QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-locale")},
            InitdbTimeoutMs);
    if (!initdb.ok) {
        m_why = u"PostgreSQL is installed but initdb failed: " + initdb.output.right(2000);
        return;
    }
    for (int attempt = 0; attempt < StartAttempts && !m_running; ++attempt) {
        m_running = start();
    }
}

bool PostgresServer::start() {
    m_port = freeLoopbackPort();
    if (m_port == 0) {
        m_why = QStringLiteral("PostgreSQL is installed but no loopback port is free (cannot listen on "
                               "127.0.0.1)");
        return false;
    }
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                           "-c max_connections=50")
                                .arg(m_port)
                                .arg(m_folder);
    const RunResult started =
        run(m_binDir + u"/pg_ctl",
            {QStringLiteral("-D"), dataDir(), QStringLiteral("-w"), QStringLiteral("-t"),
             QString::number(StartTimeoutSeconds), QStringLiteral("-l"), m_folder + u"/log",
             QStringLiteral("-o"), options, QStringLiteral("start")},
            PgCtlTimeoutMs);
    if (started.ok) {
        return true;
    }
    m_why = u"PostgreSQL is installed but the server did not start on port " + QString::number(m_port) + u": "
            + started.output.trimmed().right(1000) + u"\n--- end of " + m_folder + u"/log ---\n" + logTail();
    stop(); // pg_ctl may have given up waiting on a server that is still coming up
    return false;
}

void PostgresServer::stop() {
    if (m_folder.isEmpty() || !QFile::exists(dataDir() + u"/postmaster.pid")) {
        return;
    }
    run(m_binDir + u"/pg_ctl",
        {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("immediate"),
         QStringLiteral("-w"), QStringLiteral("-t"), QString::number(StopTimeoutMs / 1000 - 5),
         QStringLiteral("stop")},
        StopTimeoutMs);
}

PostgresServer::~PostgresServer() {
    stop();
    if (!m_folder.isEmpty()) {
        QDir(m_folder).removeRecursively();
    }
}

QString PostgresServer::logTail() const {
    QFile log(m_folder + u"/log");
    if (!log.open(QIODevice::ReadOnly)) {
        return QStringLiteral("(no server log)");
    }
    const qint64 tailBytes = 2000;
    if (log.size() > tailBytes) {
        log.seek(log.size() - tailBytes);
    }
    return QString::fromLocal8Bit(log.readAll());
}

PostgresServer::RunResult PostgresServer::run(const QString &program, const QStringList &arguments,
                                              int timeoutMs) const {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    // A folder the postgres user may enter (root's home is closed to it).
    process.setWorkingDirectory(QStringLiteral("/tmp"));
    // PG* variables of the caller (PGDATA, PGHOST, PGOPTIONS, ...) must not redirect our commands.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith(u"PG")) {
            environment.remove(name);
        }
    }
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    process.setProcessEnvironment(environment);
    if (m_runuser.isEmpty()) {
        process.start(program, arguments);
    } else {
        process.start(m_runuser, QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                             QStringLiteral("--"), program}
                                     + arguments);
    }
    const QString command = QFileInfo(program).fileName();
    if (!process.waitForStarted(10'000)) {
        return {false, command + u" could not be started: " + process.errorString()};
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return {false, command + u" did not finish within " + QString::number(timeoutMs / 1000) + u" s: "
                           + QString::fromLocal8Bit(process.readAll())};
    }
    const QString output = QString::fromLocal8Bit(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return {false,
                command + u" failed (exit code " + QString::number(process.exitCode()) + u"): " + output};
    }
    return {true, output};
}

DatabaseConfig PostgresServer::config(const QString &databaseName) {
    if (m_running && !m_databases.contains(databaseName)) {
        const RunResult created =
            run(m_binDir + u"/createdb",
                {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                 QString::number(m_port), QStringLiteral("-U"), QStringLiteral("clipqueue"), databaseName},
                CreatedbTimeoutMs);
        if (created.ok || created.output.contains(u"already exists")) {
            m_databases.insert(databaseName);
        } else {
            qWarning().noquote() << "PostgresServer: cannot create database" << databaseName << ":"
                                 << created.output;
        }
    }
    DatabaseConfig config;
    config.backend = DatabaseConfig::Backend::Postgres;
    config.host = QStringLiteral("127.0.0.1");
    config.port = m_port;
    config.user = QStringLiteral("clipqueue");
    config.databaseName = databaseName;
    return config;
}

QString PostgresServer::url(const QString &databaseName) {
    const DatabaseConfig database = config(databaseName);
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(database.user);
    url.setHost(database.host);
    url.setPort(database.port);
    url.setPath(u'/' + database.databaseName);
    return url.toString();
}

} // namespace cq::test
