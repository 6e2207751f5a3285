#pragma once

#include "storage/DatabaseConfig.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace cq::test {

// A throwaway PostgreSQL server on a free loopback port for one process: initdb + pg_ctl from
// Debian's postgresql package (/usr/lib/postgresql/15/bin, else the newest version installed), trust
// authentication, user "clipqueue", data and socket in a folder under /tmp that is stopped and deleted
// at the end. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user via
// runuser. Every child process has a time limit: the constructor never hangs.
class PostgresServer {
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // The server binaries are there. When they are and the server still is not running, something
    // is broken (a test should fail, not skip).
    bool isInstalled() const { return !m_binDir.isEmpty(); }
    bool isRunning() const { return m_running; }
    // Why the server is not running, for people: what is missing or what initdb, pg_ctl and the
    // server log said.
    QString whyNotRunning() const { return m_why; }
    quint16 port() const { return m_port; }
    // The folder holding the data directory, the log and the socket; removed by the destructor.
    QString folder() const { return m_folder; }

    // Creates the database (once per name) and returns how to reach it: user "clipqueue", no
    // password, 127.0.0.1, this server's port. A failed createdb is logged with qWarning; opening
    // the database then fails with PostgreSQL's own message.
    DatabaseConfig config(const QString &databaseName = QStringLiteral("clipqueue"));
    // The same as a postgresql:// URL (for CLIPQUEUE_DATABASE_URL).
    QString url(const QString &databaseName = QStringLiteral("clipqueue"));

private:
    struct RunResult {
        bool ok = false;
        QString output; // stdout and stderr, or why the program did not run
    };
    RunResult run(const QString &program, const QStringList &arguments, int timeoutMs) const;
    bool start();
    void stop();
    QString logTail() const;
    QString dataDir() const { return m_folder + u"/data"; }

    QString m_binDir;
    QString m_runuser; // set when running as root: the server runs as the postgres user
    QString m_folder;
    quint16 m_port = 0;
    bool m_running = false;
    QString m_why;
    QSet<QString> m_databases;
};

} // namespace cq::test
