#include "StoreFixture.h"

#include "PostgresServer.h"
#include "TestFixtures.h"

#include <QUuid>

namespace cq::test {

TestBackend backendUnderTest() {
    return qEnvironmentVariable("CLIPQUEUE_TEST_BACKEND") == u"postgres" ? TestBackend::Postgres
                                                                         : TestBackend::Sqlite;
}

PostgresServer *sharedPostgres(QString *why) {
    static PostgresServer server;
    if (!server.isRunning()) {
        if (why) {
            *why = server.whyNotRunning();
        }
        return nullptr;
    }
    return &server;
}

StoreFixture::StoreFixture()
    : m_clock(QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC)) {
    if (backendUnderTest() == TestBackend::Sqlite) {
        m_config = DatabaseConfig::sqlite(m_dir.filePath(QStringLiteral("clipqueue.sqlite")));
    } else {
        PostgresServer *server = sharedPostgres(&m_why);
        if (!server) {
            return;
        }
        // A fresh database per fixture keeps tests independent.
        m_config = server->config(u"t_" + QUuid::createUuid().toString(QUuid::Id128).left(16));
    }
    auto database = Database::open(m_config);
    if (!database) {
        m_why = database.error().message;
        return;
    }
    m_database = std::move(*database);
    m_store = std::make_unique<MediaStore>(m_dir.filePath(QStringLiteral("media")));
    m_posts = std::make_unique<PostLifecycle>(*m_database, *m_store, m_clock, QStringLiteral("ana"));
    m_importer = std::make_unique<PostImporter>(*m_posts, *m_store);
}

StoreFixture::~StoreFixture() = default;

std::unique_ptr<Database> StoreFixture::openAnother() const {
    auto database = Database::open(m_config);
    return database ? std::move(*database) : nullptr;
}

Post validVideoPost(const QString &mediaPath) {
    Post post;
    post.text = QStringLiteral("Launch day #launch");
    MediaDescriptor media;
    media.url = fileUrlForPath(mediaPath.isEmpty() ? fixturePath(QStringLiteral("vertical.mp4")) : mediaPath);
    post.media << media;
    post.tiktok.privacyLevel = QStringLiteral("SELF_ONLY");
    post.accounts << QStringLiteral("acct-1");
    return post;
}

} // namespace cq::test
