// The managed media store (docs/post-json.md): content-addressed copies that stream, verify,
// deduplicate, and outlive the originals.
#include "StoreFixture.h"
#include "TestFixtures.h"
#include "media/MediaProber.h"
#include "session/Session.h"
#include "storage/MediaGarbageCollector.h"
#include "storage/StagedMedia.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QProcess>
#include <QTest>

#include <csignal>

#include <sys/resource.h>

using namespace cq;
using namespace cq::test;

namespace {
QString sha256Of(const QString &path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

QStringList storedObjects(const MediaStore &store) {
    QStringList names;
    QDirIterator it(store.root() + u"/objects", QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        names << QFileInfo(it.next()).fileName();
    }
    return names;
}

long peakResidentKiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}
} // namespace

class TestMediaStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importNamesTheCopyByItsSha256();
    void identicalBytesAreStoredOnce();
    void originalsAreNeverModified();
    void verifyNoticesDamage();
    void aPostOutlivesItsOriginalFile();
    void unreadableSourceLeavesNothingBehind();
    void garbageCollectionSparesObjectsInUse();
    void storeDeletesOnlyTheObjectsItIsTold();
    void largeFilesStreamWithoutFillingMemory();
    void storedBytesAreTheProbedBytes();
    void failedCreateLeavesNoObjectBehind();
    void failedCreateRemovesWhatItStoredAtOnce_data();
    void failedCreateRemovesWhatItStoredAtOnce();
    void failedCreateSparesWhatAnotherCreateHolds();
    void leftoversAreCleanedAtStartUp();
    void dataFolderAndDatabaseAreTheOwnersOnly();
    void fullDiskSaysSoAndWhere();
    void privateMediaUrlsAreAllowedOnlyWhenSet();
};

void TestMediaStore::importNamesTheCopyByItsSha256() {
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    const QString source = fixturePath(QStringLiteral("vertical.mp4"));
    qint64 lastProgress = 0;
    const auto stored = store.importFile(source, [&](qint64 done, qint64 total) {
        QVERIFY(done <= total);
        lastProgress = done;
    });
    QVERIFY2(stored.has_value(), qPrintable(stored ? QString() : stored.error().message));
    QCOMPARE(stored->sha256, sha256Of(source));
    QCOMPARE(stored->sizeBytes, QFileInfo(source).size());
    QCOMPARE(lastProgress, QFileInfo(source).size());
    QCOMPARE(stored->path, store.pathFor(stored->sha256));
    QCOMPARE(sha256Of(stored->path), stored->sha256);
    QVERIFY(!stored->wasAlreadyStored);
    QVERIFY(QDir(dir.filePath(QStringLiteral("media/incoming"))).isEmpty());
}

void TestMediaStore::identicalBytesAreStoredOnce() {
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    const auto first = store.importFile(fixturePath(QStringLiteral("vertical.mp4")));
    const auto second =
        store.importFile(fixturePath(QStringLiteral("Clip mit Ümlaut 🎬 final.mp4"))); // same bytes
    QVERIFY(first && second);
    QCOMPARE(second->sha256, first->sha256);
    QVERIFY(second->wasAlreadyStored);
    int objects = 0;
    QDirIterator it(dir.filePath(QStringLiteral("media/objects")), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++objects;
    }
    QCOMPARE(objects, 1);
}

void TestMediaStore::originalsAreNeverModified() {
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("mine.mp4"));
    QVERIFY(QFile::copy(fixturePath(QStringLiteral("vertical.mp4")), original));
    const QDateTime modified = QFileInfo(original).lastModified();
    const QString before = sha256Of(original);
    MediaStore store(dir.filePath(QStringLiteral("media")));
    QVERIFY(store.importFile(original).has_value());
    QCOMPARE(sha256Of(original), before);
    QCOMPARE(QFileInfo(original).lastModified(), modified);
}

void TestMediaStore::verifyNoticesDamage() {
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    const auto stored = store.importFile(fixturePath(QStringLiteral("photo.jpg")));
    QVERIFY(stored.has_value());
    QVERIFY(store.verify(stored->sha256).has_value());
    QFile file(stored->path);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(100);
    file.write("x");
    file.close();
    const auto damaged = store.verify(stored->sha256);
    QVERIFY(!damaged.has_value());
    QCOMPARE(damaged.error().code, ErrorCode::Io);
    // Importing the same bytes again repairs the damaged copy.
    const auto again = store.importFile(fixturePath(QStringLiteral("photo.jpg")));
    QVERIFY(again.has_value());
    QVERIFY(store.verify(stored->sha256).has_value());
    QCOMPARE(store.verify(QString(64, u'0')).error().code, ErrorCode::NotFound);
}

void TestMediaStore::aPostOutlivesItsOriginalFile() {
    StoreFixture fixture;
    QVERIFY2(fixture.isReady(), qPrintable(fixture.why()));
    const QString original = QDir(fixture.dataDirectory()).filePath(QStringLiteral("to-be-deleted.mp4"));
    QVERIFY(QFile::copy(fixturePath(QStringLiteral("vertical.mp4")), original));
    const auto created = fixture.importer().create(validVideoPost(original), QString(), true);
    QVERIFY(created.has_value());
    QVERIFY(QFile::remove(original));
    const auto stored = fixture.posts().repository().get(created->post.id);
    const QString copy = fixture.store().pathFor(stored->media.first().sha256);
    QVERIFY(QFile::exists(copy));
    QVERIFY(fixture.store().verify(stored->media.first().sha256).has_value());
    QCOMPARE(stored->status, PostStatus::Scheduled);
}

void TestMediaStore::unreadableSourceLeavesNothingBehind() {
    StoreFixture fixture;
    QVERIFY2(fixture.isReady(), qPrintable(fixture.why()));
    Post post = validVideoPost();
    MediaDescriptor broken;
    broken.url = fileUrlForPath(fixturePath(QStringLiteral("truncated.mp4")));
    post.media << broken;
    const auto created = fixture.importer().create(post, QString(), false);
    QVERIFY(!created.has_value());
    QCOMPARE(created.error().code, ErrorCode::MediaUnreadable);
    QVERIFY(created.error().message.contains(u"truncated.mp4"));
    QCOMPARE(fixture.posts().repository().list(std::nullopt, 10)->size(), 0); // no half-written post
}

void TestMediaStore::garbageCollectionSparesObjectsInUse() {
    StoreFixture fixture;
    QVERIFY2(fixture.isReady(), qPrintable(fixture.why()));
    const auto a = fixture.importer().create(validVideoPost(), QString(), false);
    const auto b = fixture.importer().create(validVideoPost(fixturePath(QStringLiteral("landscape.mp4"))),
                                             QString(), false);
    QVERIFY(a && b);
    QCOMPARE(MediaGarbageCollector(fixture.database(), fixture.store()).collect().value(), 0);
    QVERIFY(fixture.posts().cancel(a->post.id).has_value());
    QVERIFY(fixture.posts().remove(a->post.id).has_value());
    QVERIFY(!QFile::exists(fixture.store().pathFor(a->post.media.first().sha256)));
    QVERIFY(QFile::exists(fixture.store().pathFor(b->post.media.first().sha256)));
}

void TestMediaStore::storeDeletesOnlyTheObjectsItIsTold() {
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    const auto a = store.importFile(fixturePath(QStringLiteral("vertical.mp4")));
    const auto b = store.importFile(fixturePath(QStringLiteral("landscape.mp4")));
    QVERIFY(a && b);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(store.objectsModifiedBefore(now.addSecs(-60)), QStringList());
    const QStringList both = store.objectsModifiedBefore(now.addSecs(60));
    QCOMPARE(QSet<QString>(both.begin(), both.end()), (QSet<QString>{a->sha256, b->sha256}));
    // Names that are not a sha256 never reach a path, inside objects/ or outside it.
    QCOMPARE(store.removeObjects({QStringLiteral("../incoming"), a->sha256.toUpper(), QString()}), 0);
    QCOMPARE(store.removeObjects({a->sha256, a->sha256}), 1);
    QVERIFY(!QFile::exists(a->path));
    QVERIFY(QFile::exists(b->path));

    const QString part = store.newIncomingPath();
    QFile download(part);
    QVERIFY(download.open(QIODevice::WriteOnly));
    download.write("partial");
    download.close();
    store.removeIncomingBefore(now.addSecs(-3600));
    QVERIFY(QFile::exists(part));
    store.removeIncomingBefore(QDateTime::currentDateTimeUtc().addSecs(60));
    QVERIFY(!QFile::exists(part));
}

void TestMediaStore::largeFilesStreamWithoutFillingMemory() {
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.bin"));
    QFile file(big);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(384LL * 1024 * 1024)); // sparse: quick to make, real bytes to read
    file.close();
    const long before = peakResidentKiB();
    MediaStore store(dir.filePath(QStringLiteral("media")));
    const auto stored = store.importFile(big);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->sizeBytes, 384LL * 1024 * 1024);
    const long growthMiB = (peakResidentKiB() - before) / 1024;
    QVERIFY2(growthMiB < 64, qPrintable(QStringLiteral("peak memory grew by %1 MiB").arg(growthMiB)));
}

QTEST_GUILESS_MAIN(TestMediaStore)
#include "tst_mediastore.moc"

// A file that changes while it is copied (here: cut short once the first MiB was copied) must not
// be stored with the descriptor of what it was before: the stored copy is what gets probed.
void TestMediaStore::storedBytesAreTheProbedBytes() {
    StoreFixture fixture;
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("changing.mp4"));
    QVERIFY(QFile::copy(fixturePath(QStringLiteral("vertical.mp4")), source)); // index at the end
    QVERIFY(QFileInfo(source).size() > (1 << 20));
    bool cut = false;
    const auto created =
        fixture.importer().create(validVideoPost(source), QString(), false, {}, [&](qint64 done, qint64) {
            if (!cut && done > 0) {
                cut = true;
                QFile file(source);
                QVERIFY(file.open(QIODevice::ReadWrite));
                QVERIFY(file.resize(done));
            }
        });
    QVERIFY(cut);
    if (created) {
        // Whatever was stored, its descriptor must describe the stored bytes.
        const StoredMedia &media = created->post.media.first();
        const auto probed = MediaProber().probe(fixture.store().pathFor(media.sha256));
        QVERIFY2(probed.has_value(), "a post was stored with bytes that do not probe");
        QCOMPARE(media.descriptor.durationSeconds, probed->durationSeconds);
    } else {
        QCOMPARE(created.error().code, ErrorCode::MediaUnreadable);
        QVERIFY2(created.error().message.contains(u"changing.mp4"), qPrintable(created.error().message));
    }
}

// A create that fails on its media leaves neither an object nor a temporary copy in the store.
void TestMediaStore::failedCreateLeavesNoObjectBehind() {
    StoreFixture fixture;
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("notes.mp4"));
    QFile text(source);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write(QByteArray(4096, 'a'));
    text.close();
    const auto created = fixture.importer().create(validVideoPost(source), QString(), false);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::MediaUnreadable);
    QVERIFY2(created.error().message.contains(u"notes.mp4"), qPrintable(created.error().message));
    QDirIterator files(fixture.store().root(), QDir::Files, QDirIterator::Subdirectories);
    QVERIFY2(!files.hasNext(), qPrintable(files.hasNext() ? files.next() : QString()));
}

void TestMediaStore::failedCreateRemovesWhatItStoredAtOnce_data() {
    QTest::addColumn<bool>("databaseFails");
    QTest::newRow("its second file is cut short") << false;
    QTest::newRow("the database refuses the insert") << true;
}

// A create that fails after it copied media into the store removes those objects right away, not
// an hour later at the next start; an object an earlier post refers to stays.
void TestMediaStore::failedCreateRemovesWhatItStoredAtOnce() {
    QFETCH(bool, databaseFails);
    StoreFixture fixture;
    REQUIRE_STORE_FOR(u"media store", fixture);
    const auto earlier = fixture.importer().create(
        validVideoPost(fixturePath(QStringLiteral("landscape.mp4"))), QString(), false);
    QVERIFY(earlier.has_value());
    const QString kept = earlier->post.media.first().sha256;

    Post post = validVideoPost(fixturePath(QStringLiteral("landscape.mp4")));
    MediaDescriptor added;
    added.url = fileUrlForPath(fixturePath(QStringLiteral("vertical.mp4")));
    post.media << added;
    if (databaseFails) { // the posts and their media go in, their history does not: all rolls back
        QVERIFY(fixture.database().exec(QStringLiteral("ALTER TABLE post_history RENAME TO refused")));
    } else {
        MediaDescriptor cut;
        cut.url = fileUrlForPath(fixturePath(QStringLiteral("truncated.mp4")));
        post.media << cut;
    }
    const auto created = fixture.importer().create(post, QString(), false);
    QVERIFY(!created.has_value());
    QCOMPARE(storedObjects(fixture.store()), QStringList{kept});
    QVERIFY(QDir(fixture.store().root() + u"/holds").isEmpty());
    QVERIFY(QDir(fixture.store().root() + u"/incoming").isEmpty());
}

// Two creates may store the same bytes at once (in two threads or two processes): the one that fails
// leaves the object the other holds, and so does the collector; once no create holds it and no post
// refers to it, it goes.
void TestMediaStore::failedCreateSparesWhatAnotherCreateHolds() {
    StoreFixture fixture;
    REQUIRE_STORE_FOR(u"media store", fixture);
    auto running = std::make_unique<StagedMedia>(fixture.database(), fixture.store());
    const auto shared = fixture.store().importFile(fixturePath(QStringLiteral("vertical.mp4")), {}, nullptr,
                                                   {}, &running->hold());
    QVERIFY(shared.has_value());

    Post post = validVideoPost(); // vertical.mp4: the same bytes
    MediaDescriptor cut;
    cut.url = fileUrlForPath(fixturePath(QStringLiteral("truncated.mp4")));
    post.media << cut;
    QVERIFY(!fixture.importer().create(post, QString(), false).has_value());
    QVERIFY(QFile::exists(shared->path));

    QFile::setPermissions(shared->path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile aged(shared->path);
    QVERIFY(aged.open(QIODevice::ReadWrite));
    QVERIFY(aged.setFileTime(QDateTime::currentDateTimeUtc().addDays(-2), QFileDevice::FileModificationTime));
    aged.close();
    QCOMPARE(MediaGarbageCollector(fixture.database(), fixture.store()).collect().value(), 0);
    QVERIFY(QFile::exists(shared->path));

    running.reset(); // that create failed too
    QVERIFY(!QFile::exists(shared->path));
}

// A copy killed halfway leaves its .part file, a failed create an object without a row: opening
// the session removes those old enough not to belong to a copy still running.
void TestMediaStore::leftoversAreCleanedAtStartUp() {
    QTemporaryDir dir;
    qputenv("CLIPQUEUE_DATA_DIR", dir.path().toUtf8());
    MediaStore store(QDir(dir.path()).filePath(QStringLiteral("media")));
    const QDateTime old = QDateTime::currentDateTimeUtc().addDays(-2);
    auto plant = [&](const QString &path, bool aged) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("half a video");
        file.flush(); // a write at close would make it new again
        if (aged) {
            QVERIFY(file.setFileTime(old, QFileDevice::FileModificationTime));
        }
    };
    const QString part = store.newIncomingPath();
    plant(part, true);
    const QString running = store.newIncomingPath(); // a copy running right now
    plant(running, false);
    const auto orphan = store.importFile(fixturePath(QStringLiteral("photo.jpg")));
    QVERIFY(orphan.has_value());
    QFile::setPermissions(orphan->path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile aged(orphan->path);
    QVERIFY(aged.open(QIODevice::ReadWrite));
    QVERIFY(aged.setFileTime(old, QFileDevice::FileModificationTime));
    aged.close();

    auto session = Session::open();
    QVERIFY2(session.has_value(), qPrintable(session ? QString() : session.error().message));
    QVERIFY(!QFile::exists(part));
    QVERIFY(QFile::exists(running));
    QVERIFY(!QFile::exists(orphan->path));
    qunsetenv("CLIPQUEUE_DATA_DIR");
}

// The database, tokens and media are the user's own: a new data folder is 0700, the database 0600.
void TestMediaStore::dataFolderAndDatabaseAreTheOwnersOnly() {
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("fresh/clipqueue"));
    qputenv("CLIPQUEUE_DATA_DIR", data.toUtf8());
    auto session = Session::open();
    qunsetenv("CLIPQUEUE_DATA_DIR");
    QVERIFY2(session.has_value(), qPrintable(session ? QString() : session.error().message));
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(QFileInfo(data).permissions() & others, QFileDevice::Permissions());
    const QString database = QDir(data).filePath(QStringLiteral("clipqueue.sqlite"));
    QVERIFY(QFile::exists(database));
    QCOMPARE(QFileInfo(database).permissions() & others, QFileDevice::Permissions());
}

// A write that fails for want of space says so, and where: the store's folder may be on another
// disk than the one the user looks at. (RLIMIT_FSIZE stands in for a full disk.)
void TestMediaStore::fullDiskSaysSoAndWhere() {
    QTemporaryDir dir;
    MediaStore store(dir.filePath(QStringLiteral("media")));
    rlimit previous{};
    getrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = previous;
    small.rlim_cur = 100 * 1024;
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
    const auto stored = store.importFile(fixturePath(QStringLiteral("vertical.mp4")));
    setrlimit(RLIMIT_FSIZE, &previous);
    QVERIFY(!stored.has_value());
    QCOMPARE(stored.error().code, ErrorCode::Io);
    QVERIFY2(stored.error().message.contains(store.root()), qPrintable(stored.error().message));
    QVERIFY2(!stored.error().message.contains(u"Unknown error"), qPrintable(stored.error().message));
    QDirIterator files(store.root(), QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(!files.hasNext()); // the partial copy went
}

// Off unless the setting or CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS=1 says so (the test environment
// sets it for its loopback servers).
void TestMediaStore::privateMediaUrlsAreAllowedOnlyWhenSet() {
    QTemporaryDir dir;
    qputenv("CLIPQUEUE_DATA_DIR", dir.path().toUtf8());
    const QByteArray previous = qgetenv("CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS");
    qunsetenv("CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS");
    QVERIFY(!Session::open().value()->mediaDownloadOptions().allowPrivateAddresses);
    qputenv("CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS", "1");
    QVERIFY(Session::open().value()->mediaDownloadOptions().allowPrivateAddresses);
    qputenv("CLIPQUEUE_ALLOW_PRIVATE_MEDIA_URLS", previous);
    qunsetenv("CLIPQUEUE_DATA_DIR");
}
