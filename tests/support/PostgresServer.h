#pragma once

#include "storage/DatabaseConfig.h"

#include <QSet>
#include <QString>

namespace cq::test {

// A throwaway PostgreSQL server on a free loopback port for one test process: initdb + pg_ctl from
// Debian's postgresql package, trust authentication, user "clipqueue", stopped and deleted at the
// end. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user via runuser.
class PostgresServer {
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    bool isRunning() const { return m_running; }
    QString whyNotRunning() const { return m_why; }
    quint16 port() const { return m_port; }

    // Creates the database once and returns how to reach it.
    DatabaseConfig config(const QString &databaseName = QStringLiteral("clipqueue"));
    QString url(const QString &databaseName = QStringLiteral("clipqueue"));

private:
    bool run(const QString &program, const QStringList &arguments, int timeoutMs,
             QString *output = nullptr) const;

    QString m_binDir;
    QString m_dataDir;
    quint16 m_port = 0;
    bool m_asPostgresUser = false;
    bool m_running = false;
    QString m_why;
    QSet<QString> m_databases;
};

} // namespace cq::test
