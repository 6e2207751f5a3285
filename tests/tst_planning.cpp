// Planning in core, on SQLite and PostgreSQL: weekly posting times (parsed, stored by schema 7,
// turned into instants that keep their wall-clock time across daylight saving), the next free one
// ("add to queue") skipping the times posts hold, and the duplicate-media warning filled from storage.
#include "StoreFixture.h"
#include "TestFixtures.h"
#include "post/CsvPosts.h"
#include "publish/QueueSlots.h"
#include "storage/AccountRepository.h"
#include "storage/PostingTimesRepository.h"

#include <QTest>
#include <QTimeZone>

using namespace cq;
using cq::test::StoreFixture;
using cq::test::validVideoPost;

namespace {
const QString Berlin = QStringLiteral("Europe/Berlin");

QDateTime utc(int y, int m, int d, int h, int min) {
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

bool addAccount(Database &database, const QString &id, bool isDefault) {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return AccountRepository(database)
        .insert(Account{id, u"open-" + id, id, isDefault, now.addDays(1), now.addDays(365)}, now)
        .has_value();
}

bool hasCode(const QList<Finding> &findings, FindingCode code, QString *message = nullptr) {
    for (const Finding &finding : findings) {
        if (finding.code == code) {
            if (message) {
                *message = finding.message;
            }
            return true;
        }
    }
    return false;
}
} // namespace

class TestPlanning : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesAndWritesPostingTimes();
    void refusesWhatItCannotRead();
    void postingTimesKeepTheirWallClockAcrossDst();
    void storesPostingTimesPerAccount();
    void nextFreeTimeSkipsTakenTimes();
    void addToQueueFillsOneTimeAfterAnother();
    void addToQueueWithoutPostingTimesSaysHow();
    void duplicateMediaIsAWarningNamingTheOtherPost();
    void reorderingSwapsTimes();
    void csvRowsAreReadCellByCell();
};

void TestPlanning::parsesAndWritesPostingTimes() {
    auto times = PostingTimes::parse(QStringLiteral("mon-fri 18:30, Sat 11:00"), Berlin);
    QVERIFY(times);
    QCOMPARE(times->times.size(), 6);
    QCOMPARE(times->times.first(), (PostingTime{1, QTime(18, 30)}));
    QCOMPARE(times->times.last(), (PostingTime{6, QTime(11, 0)}));
    QCOMPARE(times->toText(), QStringLiteral("Mon-Fri 18:30, Sat 11:00"));
    auto twice = PostingTimes::parse(QStringLiteral("daily 9:00 18:30, sun 9:00"), Berlin);
    QVERIFY(twice);
    QCOMPARE(twice->times.size(), 14); // Sunday's 9:00 is not counted twice
    QCOMPARE(twice->toText(), QStringLiteral("Mon-Sun 09:00 18:30"));
    auto wrapped = PostingTimes::parse(QStringLiteral("sat-mon 10:00"), Berlin);
    QVERIFY(wrapped);
    QCOMPARE(wrapped->toText(), QStringLiteral("Mon 10:00, Sat-Sun 10:00"));
    QCOMPARE(PostingTimes::parse(wrapped->toText(), Berlin)->times, wrapped->times);
}

void TestPlanning::refusesWhatItCannotRead() {
    for (const char *text : {"someday 18:30", "mon 25:00", "mon", "mon-xyz 10:00"}) {
        auto times = PostingTimes::parse(QString::fromUtf8(text), Berlin);
        QVERIFY2(!times, text);
        QCOMPARE(times.error().code, ErrorCode::Usage);
    }
    QVERIFY(!PostingTimes::parse(QStringLiteral("mon 10:00"), QStringLiteral("Mars/Olympus")));
}

void TestPlanning::postingTimesKeepTheirWallClockAcrossDst() {
    // Berlin springs forward on 30 March 2031: 18:30 is 17:30Z on Friday and 16:30Z on Monday.
    const auto berlin = PostingTimes::parse(QStringLiteral("mon-fri 18:30"), Berlin);
    QCOMPARE(berlin->between(utc(2031, 3, 28, 0, 0), utc(2031, 4, 1, 0, 0)),
             (QList<QDateTime>{utc(2031, 3, 28, 17, 30), utc(2031, 3, 31, 16, 30)}));
    // New York springs forward on 9 March 2031: 09:00 is 14:00Z on Saturday, 13:00Z on Monday.
    const auto newYork =
        PostingTimes::parse(QStringLiteral("sat-mon 9:00"), QStringLiteral("America/New_York"));
    QCOMPARE(newYork->between(utc(2031, 3, 8, 0, 0), utc(2031, 3, 11, 0, 0)),
             (QList<QDateTime>{utc(2031, 3, 8, 14, 0), utc(2031, 3, 9, 13, 0), utc(2031, 3, 10, 13, 0)}));
    // The range is half open.
    QCOMPARE(berlin->between(utc(2031, 3, 28, 17, 30), utc(2031, 3, 31, 16, 30)).size(), 1);
}

void TestPlanning::storesPostingTimesPerAccount() {
    StoreFixture fixture;
    if (!fixture.isReady()) {
        QSKIP(qPrintable(fixture.why()));
    }
    const PostingTimesRepository repository(fixture.database());
    QVERIFY(repository.get(QStringLiteral("acct-1"))->isEmpty());
    const auto times = PostingTimes::parse(QStringLiteral("mon-fri 18:30, sat 11:00"), Berlin);
    QVERIFY(repository.set(QStringLiteral("acct-1"), *times));
    QVERIFY(repository.set(QStringLiteral("acct-2"),
                           *PostingTimes::parse(QStringLiteral("sun 12:00"), QStringLiteral("UTC"))));
    QCOMPARE(*repository.get(QStringLiteral("acct-1")), *times);
    QCOMPARE(repository.all()->size(), 2);
    // Replaced whole.
    QVERIFY(
        repository.set(QStringLiteral("acct-1"), *PostingTimes::parse(QStringLiteral("tue 7:15"), Berlin)));
    QCOMPARE(repository.get(QStringLiteral("acct-1"))->toText(), QStringLiteral("Tue 07:15"));
    QVERIFY(repository.set(QStringLiteral("acct-1"), PostingTimes{}));
    QVERIFY(repository.get(QStringLiteral("acct-1"))->isEmpty());
}

void TestPlanning::nextFreeTimeSkipsTakenTimes() {
    StoreFixture fixture; // now: Wed 25 Nov 2026, 12:00Z
    if (!fixture.isReady()) {
        QSKIP(qPrintable(fixture.why()));
    }
    QVERIFY(addAccount(fixture.database(), QStringLiteral("acct-1"), true));
    QVERIFY(PostingTimesRepository(fixture.database())
                .set(QStringLiteral("acct-1"),
                     *PostingTimes::parse(QStringLiteral("mon-fri 18:30, sat 11:00"), Berlin)));
    const QueueSlots slots(fixture.database(), fixture.posts().repository());
    const QDateTime now = fixture.clock().nowUtc();
    QCOMPARE(slots.nextFree(QStringLiteral("acct-1"), now)->value().atUtc, utc(2026, 11, 25, 17, 30));
    // Wednesday's time taken (a draft counts: it is planned), Thursday's is next.
    Post post = validVideoPost();
    post.scheduledFor = utc(2026, 11, 25, 17, 30);
    auto wednesday = fixture.importer().create(post, QString(), false);
    QVERIFY(wednesday);
    QCOMPARE(slots.nextFree(QStringLiteral("acct-1"), now)->value().atUtc, utc(2026, 11, 26, 17, 30));
    // Free slots of the week: Thu, Fri, Sat 10:00Z, Mon.
    const auto free = slots.freeBetween(now, utc(2026, 12, 1, 0, 0));
    QVERIFY(free);
    QCOMPARE(free->size(), 4);
    QCOMPARE(free->at(2).atUtc, utc(2026, 11, 28, 10, 0));
    QCOMPARE(free->at(2).timeZone, Berlin);
    // A cancelled post gives its time back.
    QVERIFY(fixture.posts().cancel(wednesday->post.id));
    QCOMPARE(slots.nextFree(QStringLiteral("acct-1"), now)->value().atUtc, utc(2026, 11, 25, 17, 30));
    // A post naming no account goes to the default account, and takes its time too.
    Post unnamed = validVideoPost();
    unnamed.accounts.clear();
    unnamed.scheduledFor = utc(2026, 11, 25, 17, 30);
    QVERIFY(fixture.importer().create(unnamed, QString(), false));
    QCOMPARE(slots.nextFree(QStringLiteral("acct-1"), now)->value().atUtc, utc(2026, 11, 26, 17, 30));
    // Another account's posts do not take this account's times.
    QVERIFY(slots.nextFree(QStringLiteral("acct-9"), now)->has_value() == false);
}

void TestPlanning::addToQueueFillsOneTimeAfterAnother() {
    StoreFixture fixture;
    if (!fixture.isReady()) {
        QSKIP(qPrintable(fixture.why()));
    }
    QVERIFY(addAccount(fixture.database(), QStringLiteral("acct-1"), true));
    QVERIFY(PostingTimesRepository(fixture.database())
                .set(QStringLiteral("acct-1"), *PostingTimes::parse(QStringLiteral("daily 18:30"), Berlin)));
    const QueueSlots slots(fixture.database(), fixture.posts().repository());
    QList<QDateTime> given;
    for (int i = 0; i < 3; ++i) {
        Post post = validVideoPost();
        auto slot = slots.addToQueue(post, fixture.clock().nowUtc(), given);
        QVERIFY(slot);
        QCOMPARE(post.scheduledFor->timeZone().id(), Berlin.toUtf8()); // the post keeps the account's zone
        given << slot->atUtc;
    }
    QCOMPARE(given, (QList<QDateTime>{utc(2026, 11, 25, 17, 30), utc(2026, 11, 26, 17, 30),
                                      utc(2026, 11, 27, 17, 30)}));
    // Stored, the times are taken for the next caller.
    Post post = validVideoPost();
    QVERIFY(slots.addToQueue(post, fixture.clock().nowUtc()));
    auto created = fixture.importer().create(post, QString(), false);
    QVERIFY(created);
    QCOMPARE(created->post.schedule.timeZone, Berlin);
    Post next = validVideoPost();
    QCOMPARE(slots.addToQueue(next, fixture.clock().nowUtc())->atUtc, utc(2026, 11, 26, 17, 30));
}

void TestPlanning::addToQueueWithoutPostingTimesSaysHow() {
    StoreFixture fixture;
    if (!fixture.isReady()) {
        QSKIP(qPrintable(fixture.why()));
    }
    QVERIFY(addAccount(fixture.database(), QStringLiteral("acct-1"), true));
    Post post = validVideoPost();
    auto slot = QueueSlots(fixture.database(), fixture.posts().repository())
                    .addToQueue(post, fixture.clock().nowUtc());
    QVERIFY(!slot);
    QCOMPARE(slot.error().code, ErrorCode::Usage);
    QVERIFY2(slot.error().message.contains(u"accounts times acct-1"), qPrintable(slot.error().message));
    QVERIFY(!post.scheduledFor);
}

void TestPlanning::duplicateMediaIsAWarningNamingTheOtherPost() {
    StoreFixture fixture;
    if (!fixture.isReady()) {
        QSKIP(qPrintable(fixture.why()));
    }
    QVERIFY(addAccount(fixture.database(), QStringLiteral("acct-1"), true));
    QVERIFY(addAccount(fixture.database(), QStringLiteral("acct-2"), false));
    auto first = fixture.importer().create(validVideoPost(), QString(), false);
    QVERIFY(first);
    QVERIFY(!hasCode(*fixture.posts().validate(first->post, true), FindingCode::MediaDuplicate));
    // The same bytes again for the same account: a warning naming the first post.
    auto second = fixture.importer().create(validVideoPost(), QString(), false);
    QVERIFY(second);
    const auto findings = fixture.posts().validate(second->post, true);
    QString message;
    QVERIFY(hasCode(*findings, FindingCode::MediaDuplicate, &message));
    QVERIFY2(message.contains(first->post.id), qPrintable(message));
    // Named by its caption, which is how people know it.
    QVERIFY2(message.contains(u"the post “Launch day #launch” (draft, id "), qPrintable(message));
    for (const Finding &finding : *findings) {
        if (finding.code == FindingCode::MediaDuplicate) {
            QCOMPARE(finding.severity, Severity::Warning);
            QCOMPARE(finding.field, QStringLiteral("/media/0"));
            QCOMPARE(findingCodeName(finding.code), QStringLiteral("media.duplicate"));
        }
    }
    // A warning does not keep the post from being submitted.
    QVERIFY(fixture.posts().submit(second->post.id));
    // Another account may post the same clip.
    Post other = validVideoPost();
    other.accounts = {QStringLiteral("acct-2")};
    auto elsewhere = fixture.importer().create(other, QString(), false);
    QVERIFY(!hasCode(*fixture.posts().validate(elsewhere->post, true), FindingCode::MediaDuplicate));
    // Once the second is cancelled, the first has no duplicate any more.
    QVERIFY(fixture.posts().cancel(second->post.id));
    QVERIFY(!hasCode(*fixture.posts().validate(first->post, true), FindingCode::MediaDuplicate));
}

void TestPlanning::reorderingSwapsTimes() {
    StoreFixture fixture;
    if (!fixture.isReady()) {
        QSKIP(qPrintable(fixture.why()));
    }
    QVERIFY(addAccount(fixture.database(), QStringLiteral("acct-1"), true));
    QVERIFY(addAccount(fixture.database(), QStringLiteral("acct-2"), false));
    const auto make = [&](const QDateTime &at, const QString &zone, const QString &account) {
        Post post = validVideoPost();
        post.accounts = {account};
        post.scheduledFor = at.toTimeZone(QTimeZone(zone.toUtf8()));
        auto created = fixture.importer().create(post, QString(), true);
        return created ? created->post : StoredPost();
    };
    const StoredPost a = make(utc(2026, 12, 1, 17, 30), Berlin, QStringLiteral("acct-1"));
    const StoredPost b =
        make(utc(2026, 12, 2, 17, 30), QStringLiteral("America/New_York"), QStringLiteral("acct-1"));
    QCOMPARE(a.status, PostStatus::Scheduled);
    auto swapped = fixture.posts().swapTimes(a.id, b.id);
    QVERIFY2(swapped, qPrintable(swapped ? QString() : swapped.error().message));
    QCOMPARE(swapped->first.schedule.atUtc, utc(2026, 12, 2, 17, 30));
    QCOMPARE(swapped->second.schedule.atUtc, utc(2026, 12, 1, 17, 30));
    QCOMPARE(swapped->first.schedule.timeZone, Berlin); // each keeps its zone
    QCOMPARE(swapped->second.schedule.timeZone, QStringLiteral("America/New_York"));
    QCOMPARE(fixture.posts().repository().history(a.id)->constLast().comment, u"Swapped times with " + b.id);
    // Posts of two accounts do not swap; neither does a post that cannot move: nothing changes.
    const StoredPost other = make(utc(2026, 12, 3, 17, 30), Berlin, QStringLiteral("acct-2"));
    QCOMPARE(fixture.posts().swapTimes(a.id, other.id).error().code, ErrorCode::Usage);
    QVERIFY(fixture.posts().cancel(b.id));
    QCOMPARE(fixture.posts().swapTimes(a.id, b.id).error().code, ErrorCode::InvalidTransition);
    QCOMPARE(fixture.posts().repository().get(a.id)->schedule.atUtc, utc(2026, 12, 2, 17, 30));
}

void TestPlanning::csvRowsAreReadCellByCell() {
    const QByteArray csv =
        "\xEF\xBB\xBF"
        "File,Caption,Time,Zone,Account,Privacy,Interactions\r\n"
        "a.mp4,\"Two\nlines, \"\"quoted\"\"\",2031-03-28 18:30,,acct-2,Friends,comment stitch\r\n"
        "\r\n"
        "https://example.com/b.mp4,,2031-03-28T18:30:00Z,America/New_York,,,\r\n"
        "c.mp4,,queue,,,PUBLIC_TO_EVERYONE,\r\n"
        ",,,,,,\n"
        "d.mp4,,soon,,,,\n";
    auto rows = parseCsvPosts(csv, Berlin);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 5);
    const CsvPostRow &first = rows->at(0);
    QCOMPARE(first.line, 2);
    QCOMPARE(first.post.text, QStringLiteral("Two\nlines, \"quoted\""));
    QCOMPARE(first.post.scheduledFor->toUTC(), utc(2031, 3, 28, 17, 30));
    QCOMPARE(first.post.accounts, QStringList{QStringLiteral("acct-2")});
    QCOMPARE(first.post.tiktok.privacyLevel, QStringLiteral("MUTUAL_FOLLOW_FRIENDS"));
    QVERIFY(!first.post.tiktok.disableComment && first.post.tiktok.disableDuet
            && !first.post.tiktok.disableStitch);
    QCOMPARE(rows->at(1).line, 5); // the quoted line break and the blank line count
    QCOMPARE(rows->at(1).post.scheduledFor->toUTC(), utc(2031, 3, 28, 18, 30)); // Z: that instant
    QVERIFY(rows->at(2).addToQueue);
    QVERIFY(rows->at(3).problem.contains(u"file cell is empty"));
    QVERIFY(rows->at(4).problem.contains(u"soon"));
    QCOMPARE(parseCsvPosts("caption,when\nx,y\n", Berlin).error().code, ErrorCode::Usage);
    QCOMPARE(parseCsvPosts("caption\nx\n", Berlin).error().code, ErrorCode::Usage);
}

QTEST_GUILESS_MAIN(TestPlanning)
#include "tst_planning.moc"
