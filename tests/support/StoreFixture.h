#pragma once

#include "media/MediaStore.h"
#include "post/Post.h"
#include "publish/PostImporter.h"
#include "publish/PostLifecycle.h"
#include "storage/Database.h"

#include "FakeClock.h"

#include <QTemporaryDir>

#include <QFile>
#include <QTest>

#include <memory>

// Fails the test when `fixture` could not start its database, or skips it (loudly) when that
// database is PostgreSQL and PostgreSQL is not installed here. `subject` names the tests skipped.
#define REQUIRE_STORE_FOR(subject, fixture)                                                                  \
    do {                                                                                                     \
        if (!(fixture).isReady()) {                                                                          \
            if (cq::test::backendUnderTest() == cq::test::TestBackend::Postgres                              \
                && !QFile::exists(QStringLiteral("/usr/lib/postgresql"))) {                                  \
                QSKIP(qPrintable(u"PostgreSQL is not installed, " subject u" tests on it are SKIPPED: "      \
                                 + (fixture).why()));                                                        \
            }                                                                                                \
            QFAIL(qPrintable((fixture).why()));                                                              \
        }                                                                                                    \
    } while (false)

namespace cq::test {

class PostgresServer;

// Which database a storage test runs on: CTest registers storage tests once per backend and sets
// CLIPQUEUE_TEST_BACKEND to "sqlite" or "postgres".
enum class TestBackend { Sqlite, Postgres };
TestBackend backendUnderTest();

// A database (a fresh SQLite file, or a fresh database on a throwaway PostgreSQL server), a media
// store and a lifecycle service on a fake clock, for one test.
class StoreFixture {
public:
    StoreFixture();
    ~StoreFixture();

    // False (with why()) when the backend cannot run here; the test then QSKIPs.
    bool isReady() const { return bool(m_database); }
    const QString &why() const { return m_why; }

    const DatabaseConfig &config() const { return m_config; }
    Database &database() { return *m_database; }
    MediaStore &store() { return *m_store; }
    PostLifecycle &posts() { return *m_posts; }
    PostImporter &importer() { return *m_importer; }
    FakeClock &clock() { return m_clock; }
    QString dataDirectory() const { return m_dir.path(); }

    // Opens a second connection to the same database (for another thread or runner).
    std::unique_ptr<Database> openAnother() const;

private:
    QTemporaryDir m_dir;
    FakeClock m_clock;
    DatabaseConfig m_config;
    QString m_why;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<MediaStore> m_store;
    std::unique_ptr<PostLifecycle> m_posts;
    std::unique_ptr<PostImporter> m_importer;
};

// The shared PostgreSQL server of this test process (started on first use), or nullptr with the
// reason when PostgreSQL is not installed.
PostgresServer *sharedPostgres(QString *why);

// A post TikTok accepts, made of the generated vertical.mp4 fixture (or `mediaPath`).
Post validVideoPost(const QString &mediaPath = {});

} // namespace cq::test
