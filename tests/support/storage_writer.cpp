// A process that writes posts as fast as it can, for the crash-safety test to kill with SIGKILL.
// Usage: storage_writer DATABASE.sqlite MEDIA_FILE
// Each batch of posts is one transaction; their ids are printed only after it committed.
#include "media/MediaProber.h"
#include "media/MediaStore.h"
#include "publish/PostImporter.h"
#include "publish/PostLifecycle.h"
#include "storage/Database.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUuid>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: storage_writer DATABASE MEDIA\n");
        return 2;
    }
    const QString databasePath = QString::fromLocal8Bit(argv[1]);
    auto database = cq::Database::open(cq::DatabaseConfig::sqlite(databasePath));
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().message));
        return 3;
    }
    cq::MediaStore store(QFileInfo(databasePath).absolutePath() + QStringLiteral("/media"));
    cq::SystemClock clock;
    cq::PostLifecycle service(**database, store, clock, QStringLiteral("writer"));
    cq::Post post;
    post.text = QStringLiteral("Crash test");
    cq::MediaDescriptor media;
    media.url = cq::fileUrlForPath(QString::fromLocal8Bit(argv[2]));
    post.media << media;
    post.tiktok.privacyLevel = QStringLiteral("SELF_ONLY");
    cq::PostImporter importer(service, store);
    auto created = importer.create(post, QString(), false);
    if (!created) {
        std::fprintf(stderr, "%s\n", qPrintable(created.error().message));
        return 3;
    }
    std::printf("%s\n", qPrintable(created->post.id));
    std::fflush(stdout);
    cq::StoredPost base = created->post;
    while (true) {
        QStringList ids;
        auto done = (*database)->transaction([&]() -> std::expected<void, cq::Error> {
            for (int i = 0; i < 25; ++i) {
                cq::StoredPost copy = base;
                copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                copy.content.text = QStringLiteral("Crash test %1").arg(i);
                if (auto inserted = service.repository().insert(copy); !inserted) {
                    return inserted;
                }
                if (auto logged = service.repository().appendHistory(
                        copy.id, cq::HistoryEntry{0, clock.nowUtc(), QStringLiteral("writer"),
                                                  QStringLiteral("create"), std::nullopt,
                                                  cq::PostStatus::Draft, QString()});
                    !logged) {
                    return logged;
                }
                ids << copy.id;
            }
            return {};
        });
        if (!done) {
            std::fprintf(stderr, "%s\n", qPrintable(done.error().message));
            return 3;
        }
        for (const QString &id : ids) {
            std::printf("%s\n", qPrintable(id));
        }
        std::fflush(stdout);
    }
}
