// The throwaway PostgreSQL server the storage tests and bench_store run against. Skips only when
// PostgreSQL is not installed; installed but not starting is a failure.
#include "PostgresServer.h"
#include "storage/Database.h"
#include "storage/WorkspaceSettingsRepository.h"

#include <QDir>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace cq;
using namespace cq::test;

class TestPostgresServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensAndMigratesTheDefaultDatabase();
    void urlReachesTheSameDatabase();
    void createsEachDatabaseOnceAndKeepsThemApart();
    void stopsAndRemovesItsFolder();
    void cleanupTestCase();

private:
    std::unique_ptr<PostgresServer> m_server;
};

void TestPostgresServer::initTestCase() {
    m_server = std::make_unique<PostgresServer>();
    if (!m_server->isInstalled()) {
        const QString message = u"PostgreSQL tests SKIPPED: " + m_server->whyNotRunning();
        qWarning().noquote() << message;
        QSKIP(qPrintable(message));
    }
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->whyNotRunning()));
    QVERIFY(m_server->port() > 0);
}

void TestPostgresServer::opensAndMigratesTheDefaultDatabase() {
    const DatabaseConfig config = m_server->config();
    QCOMPARE(config.backend, DatabaseConfig::Backend::Postgres);
    QCOMPARE(config.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(config.port, int(m_server->port()));
    QCOMPARE(config.user, QStringLiteral("clipqueue"));
    QCOMPARE(config.databaseName, QStringLiteral("clipqueue"));

    auto database = Database::open(config);
    QVERIFY2(database.has_value(), qPrintable(database ? QString() : database.error().message));
    const auto version = (*database)->schemaVersion();
    QVERIFY(version.has_value());
    QCOMPARE(*version, Database::LatestSchemaVersion);
}

void TestPostgresServer::urlReachesTheSameDatabase() {
    const QString url = m_server->url(QStringLiteral("via_url"));
    QCOMPARE(url, QStringLiteral("postgresql://clipqueue@127.0.0.1:%1/via_url").arg(m_server->port()));
    auto parsed = DatabaseConfig::fromUrl(url);
    QVERIFY(parsed.has_value());
    auto byUrl = Database::open(*parsed);
    QVERIFY2(byUrl.has_value(), qPrintable(byUrl ? QString() : byUrl.error().message));
    QVERIFY(WorkspaceSettingsRepository(**byUrl)
                .setValue(QStringLiteral("written"), QStringLiteral("by url"))
                .has_value());

    auto byConfig = Database::open(m_server->config(QStringLiteral("via_url")));
    QVERIFY(byConfig.has_value());
    QCOMPARE(WorkspaceSettingsRepository(**byConfig).value(QStringLiteral("written"), {}).value(),
             QStringLiteral("by url"));
}

void TestPostgresServer::createsEachDatabaseOnceAndKeepsThemApart() {
    {
        auto first = Database::open(m_server->config(QStringLiteral("kept")));
        QVERIFY(first.has_value());
        QVERIFY(WorkspaceSettingsRepository(**first)
                    .setValue(QStringLiteral("k"), QStringLiteral("v"))
                    .has_value());
    }
    // Asking again neither recreates nor empties it.
    auto again = Database::open(m_server->config(QStringLiteral("kept")));
    QVERIFY(again.has_value());
    QCOMPARE(WorkspaceSettingsRepository(**again).value(QStringLiteral("k"), {}).value(),
             QStringLiteral("v"));

    auto other = Database::open(m_server->config(QStringLiteral("other")));
    QVERIFY(other.has_value());
    QCOMPARE(
        WorkspaceSettingsRepository(**other).value(QStringLiteral("k"), QStringLiteral("absent")).value(),
        QStringLiteral("absent"));
}

void TestPostgresServer::stopsAndRemovesItsFolder() {
    quint16 port = 0;
    QString folder;
    {
        PostgresServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.whyNotRunning()));
        port = server.port();
        folder = server.folder();
        QVERIFY(QDir(folder).exists());
        QVERIFY(port != m_server->port());
    }
    QVERIFY2(!QDir(folder).exists(), qPrintable(folder));
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    QVERIFY2(!socket.waitForConnected(2000), "the server still accepts connections after it was destroyed");
}

void TestPostgresServer::cleanupTestCase() {
    const QString folder = m_server ? m_server->folder() : QString();
    m_server.reset();
    QVERIFY(folder.isEmpty() || !QDir(folder).exists());
}

QTEST_GUILESS_MAIN(TestPostgresServer)
#include "tst_postgresserver.moc"
