#include "PostgresServer.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QUuid>

#include <pwd.h>
#include <unistd.h>

namespace cq::test {

namespace {

QString newestPostgresBinDir() {
    if (QFile::exists(QStringLiteral("/usr/lib/postgresql/15/bin/initdb"))) {
        return QStringLiteral("/usr/lib/postgresql/15/bin");
    }
    QStringList versions =
        QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &version : versions) {
        const QString dir = u"/usr/lib/postgresql/" + version + u"/bin";
        if (QFile::exists(dir + u"/initdb")) {
            return dir;
        }
    }
    return {};
}

quint16 freeLoopbackPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

PostgresServer::PostgresServer() {
    m_binDir = newestPostgresBinDir();
    if (m_binDir.isEmpty()) {
        m_why =
            QStringLiteral("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); install the "
                           "postgresql package");
        return;
    }
    m_asPostgresUser = ::geteuid() == 0;
    const passwd *postgres = m_asPostgresUser ? ::getpwnam("postgres") : nullptr;
    if (m_asPostgresUser && !postgres) {
        m_why = QStringLiteral("running as root and there is no postgres user to run the server as");
        return;
    }
    m_dataDir = QDir::temp().filePath(u"clipqueue-pg-" + QUuid::createUuid().toString(QUuid::Id128).left(12));
    QDir().mkpath(m_dataDir);
    if (m_asPostgresUser
        && ::chown(QFile::encodeName(m_dataDir).constData(), postgres->pw_uid, postgres->pw_gid) != 0) {
        m_why = u"cannot hand " + m_dataDir + u" to the postgres user";
        return;
    }
    QString output;
    if (!run(m_binDir + u"/initdb",
             {QStringLiteral("-D"), m_dataDir + u"/data", QStringLiteral("-A"), QStringLiteral("trust"),
              QStringLiteral("-U"), QStringLiteral("clipqueue"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--no-sync"), QStringLiteral("--no-locale")},
             120000, &output)) {
        m_why = u"initdb failed: " + output.right(2000);
        return;
    }
    for (int attempt = 0; attempt < 3 && !m_running; ++attempt) {
        m_port = freeLoopbackPort();
        const QString options =
            QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                           "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
                .arg(m_port)
                .arg(m_dataDir);
        m_running = run(m_binDir + u"/pg_ctl",
                        {QStringLiteral("-D"), m_dataDir + u"/data", QStringLiteral("-w"),
                         QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-l"),
                         m_dataDir + u"/server.log", QStringLiteral("-o"), options, QStringLiteral("start")},
                        90000, &output);
    }
    if (!m_running) {
        QFile log(m_dataDir + u"/server.log");
        log.open(QIODevice::ReadOnly);
        m_why = u"pg_ctl start failed: " + output.right(1000) + u"\nserver log: "
                + QString::fromUtf8(log.readAll().right(2000));
    }
}

PostgresServer::~PostgresServer() {
    if (m_running) {
        run(m_binDir + u"/pg_ctl",
            {QStringLiteral("-D"), m_dataDir + u"/data", QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            60000);
    }
    if (!m_dataDir.isEmpty()) {
        QDir(m_dataDir).removeRecursively();
    }
}

bool PostgresServer::run(const QString &program, const QStringList &arguments, int timeoutMs,
                         QString *output) const {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(QDir::tempPath());
    if (m_asPostgresUser) {
        process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                             QStringLiteral("--"), program}
                                                     + arguments);
    } else {
        process.start(program, arguments);
    }
    const bool finished = process.waitForFinished(timeoutMs);
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    if (output) {
        *output = QString::fromLocal8Bit(process.readAll());
    }
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

DatabaseConfig PostgresServer::config(const QString &databaseName) {
    if (m_running && !m_databases.contains(databaseName)) {
        run(m_binDir + u"/createdb",
            {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port),
             QStringLiteral("-U"), QStringLiteral("clipqueue"), databaseName},
            60000);
        m_databases.insert(databaseName);
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
    config(databaseName);
    return QStringLiteral("postgresql://clipqueue@127.0.0.1:%1/%2").arg(m_port).arg(databaseName);
}

} // namespace cq::test
