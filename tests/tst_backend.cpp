// The GUI-thread facade over the worker thread: commands answer on the caller's thread, changes made
// here or elsewhere come back as rows, pages of the queue follow each other by cursor.
#include "BackendHarness.h"
#include "LoopbackHttpServer.h"
#include "ScriptedPublisher.h"
#include "StoreFixture.h"
#include "TestFixtures.h"
#include "media/MediaProber.h"
#include "session/Backend.h"
#include "session/Session.h"
#include "storage/AccountRepository.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cq;
using namespace cq::test;

class TestFacade : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startsAndDescribesTheWorkspace();
    void savedDraftComesBackAsARowWithItsActions();
    void lifecycleActionsAnswerOnThisThread();
    void refusedActionsSayWhy();
    void changesMadeElsewhereArriveByPolling();
    void pagesFollowEachOtherByCursor();
    void countsByStatusAndFilters();
    void deleteAndDuplicate();
    void postingTimesQueueSlotsAndSwaps();
    void resultsForAGoneContextAreDropped();
    void storeProgressIsReported();
    void accountsComeWithTheirAvatars();
    void publishTimeProblemsShowBeforeScheduling();
    void accountSetsAreEditedOnTheWorker();
    void conformMediaMakesANewStoreObject();
    void conformMediaCancelLeavesNothing();
    void destroyingTheBackendStopsConversions();

private:
    // Starts a conversion of fixture `name` and returns its job; the result lands in `result`.
    quint64 conform(const QString &name, std::optional<std::expected<ConformedMedia, Error>> &result,
                    QObject *context);
    std::expected<QList<PostRow>, Error> create(const Post &post, CreateIntent intent);
    template<typename T>
    static std::expected<T, Error> await(const std::function<void(QObject *, Backend::Done<T>)> &call);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Backend> m_backend;
};

template<typename T>
std::expected<T, Error> TestFacade::await(const std::function<void(QObject *, Backend::Done<T>)> &call) {
    QObject context;
    std::optional<std::expected<T, Error>> result;
    call(&context, [&](std::expected<T, Error> value) { result = std::move(value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000)) {
        return std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("no answer within 10 s")});
    }
    return result.value_or(std::unexpected(Error{ErrorCode::Cancelled, QStringLiteral("no answer")}));
}

void TestFacade::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("CLIPQUEUE_DATA_DIR", m_dir->path().toUtf8());
    qputenv("CLIPQUEUE_PROFILE_NAME", "ana");
    m_backend = std::make_unique<Backend>();
    Backend::Options options;
    options.publish = false;
    options.pollInterval = std::chrono::milliseconds(50);
    QSignalSpy ready(m_backend.get(), &Backend::ready);
    m_backend->start(options);
    QVERIFY(ready.wait(10000));
}

void TestFacade::cleanup() {
    m_backend.reset();
    m_dir.reset();
}

std::expected<QList<PostRow>, Error> TestFacade::create(const Post &post, CreateIntent intent) {
    return await<QList<PostRow>>([&](QObject *context, Backend::Done<QList<PostRow>> done) {
        m_backend->createPost(post, QString(), intent, context, std::move(done));
    });
}

void TestFacade::startsAndDescribesTheWorkspace() {
    QVERIFY(m_backend->isReady());
    QCOMPARE(m_backend->workspace().approvalRequired, false);
    QCOMPARE(m_backend->workspace().graceMinutes, 15);
    QCOMPARE(m_backend->workspace().actor, QStringLiteral("ana"));
    QVERIFY(m_backend->workspace().mediaStoreRoot.startsWith(m_dir->path()));
    QVERIFY(m_backend->accounts().isEmpty());
}

void TestFacade::savedDraftComesBackAsARowWithItsActions() {
    QSignalSpy changed(m_backend.get(), &Backend::postChanged);
    const auto rows = create(validVideoPost(), CreateIntent::SaveDraft);
    QVERIFY2(rows.has_value(), qPrintable(rows ? QString() : rows.error().message));
    QCOMPARE(rows->size(), 1);
    const PostRow &row = rows->first();
    QCOMPARE(row.post.status, PostStatus::Draft);
    QCOMPARE(row.actions, Lifecycle::userActions(PostStatus::Draft, false));
    QVERIFY(row.actions.contains(PostAction::Submit));
    QVERIFY(!row.actions.contains(PostAction::Approve));
    QCOMPARE(row.errorCount(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().value<PostRow>().post.id, row.post.id);
    // No poll reports it again: this window made the change.
    QTest::qWait(200);
    QCOMPARE(changed.size(), 1);
}

void TestFacade::lifecycleActionsAnswerOnThisThread() {
    const auto rows = create(validVideoPost(), CreateIntent::SaveDraft);
    QVERIFY(rows.has_value());
    const QString id = rows->first().post.id;
    QThread *answeredOn = nullptr;
    const auto submitted = await<std::optional<PostRow>>([&](QObject *context, auto done) {
        m_backend->perform(id, PostAction::Submit, QString(), context,
                           [&, done](std::expected<std::optional<PostRow>, Error> value) {
                               answeredOn = QThread::currentThread();
                               done(std::move(value));
                           });
    });
    QVERIFY2(submitted.has_value(), qPrintable(submitted ? QString() : submitted.error().message));
    QCOMPARE(answeredOn, thread());
    QCOMPARE((*submitted)->post.status, PostStatus::Scheduled);
    const QDateTime local(QDate(2027, 3, 28), QTime(18, 30));
    const auto scheduled = await<PostRow>([&](QObject *context, auto done) {
        m_backend->schedule(id, local, QStringLiteral("Europe/Berlin"), context, std::move(done));
    });
    QVERIFY2(scheduled.has_value(), qPrintable(scheduled ? QString() : scheduled.error().message));
    QCOMPARE(scheduled->post.schedule.atUtc, QDateTime(QDate(2027, 3, 28), QTime(16, 30), Qt::UTC));
    QCOMPARE(scheduled->post.schedule.timeZone, QStringLiteral("Europe/Berlin"));
    const auto details = await<PostDetails>(
        [&](QObject *context, auto done) { m_backend->postDetails(id, context, std::move(done)); });
    QVERIFY(details.has_value());
    QCOMPARE(details->history.size(), 3); // create, submit, schedule
    QCOMPARE(details->history.last().action, QStringLiteral("schedule"));
    QCOMPARE(details->history.last().actor, QStringLiteral("ana"));
}

void TestFacade::refusedActionsSayWhy() {
    const auto rows = create(validVideoPost(), CreateIntent::SaveDraft);
    QVERIFY(rows.has_value());
    const auto approved = await<std::optional<PostRow>>([&](QObject *context, auto done) {
        m_backend->perform(rows->first().post.id, PostAction::Approve, QString(), context, std::move(done));
    });
    QVERIFY(!approved.has_value());
    QCOMPARE(approved.error().code, ErrorCode::InvalidTransition);
    QVERIFY2(approved.error().message.contains(u"draft"), qPrintable(approved.error().message));
}

void TestFacade::changesMadeElsewhereArriveByPolling() {
    const auto rows = create(validVideoPost(), CreateIntent::SaveDraft);
    QVERIFY(rows.has_value());
    const QString id = rows->first().post.id;
    std::optional<PostRow> seen;
    connect(m_backend.get(), &Backend::postChanged, this, [&](const PostRow &row) {
        if (row.post.id == id && row.post.status == PostStatus::Cancelled) {
            seen = row;
        }
    });
    // Another process (the CLI, another machine) cancels it.
    auto other = Session::open();
    QVERIFY(other.has_value());
    QVERIFY((*other)->posts().cancel(id, QStringLiteral("not this week")).has_value());
    QTRY_VERIFY_WITH_TIMEOUT(seen.has_value(), 5000);
    QVERIFY(seen->actions.contains(PostAction::Delete));
    QVERIFY(!seen->actions.contains(PostAction::Cancel));
    // And deletes it: the deletion arrives too, once.
    QSignalSpy removed(m_backend.get(), &Backend::postRemoved);
    QVERIFY((*other)->posts().remove(id).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 5000);
    QCOMPARE(removed.first().first().toString(), id);
    QTest::qWait(200);
    QCOMPARE(removed.size(), 1);
}

void TestFacade::pagesFollowEachOtherByCursor() {
    auto session = Session::open();
    QVERIFY(session.has_value());
    // 450 posts through the repository in one transaction (creating them one by one would copy media).
    const auto first = create(validVideoPost(), CreateIntent::SaveDraft);
    QVERIFY(first.has_value());
    StoredPost base = first->first().post;
    PostRepository &repository = (*session)->posts().repository();
    const QDateTime start(QDate(2027, 1, 1), QTime(9, 0), Qt::UTC);
    auto inserted = (*session)->database().transaction([&]() -> std::expected<void, Error> {
        for (int i = 0; i < 449; ++i) {
            StoredPost copy = base;
            copy.id = QStringLiteral("p%1").arg(i, 4, 10, QLatin1Char('0'));
            copy.schedule.atUtc = start.addSecs(3600 * (i % 100)); // many share a time: ties go by id
            if (auto done = repository.insert(copy); !done) {
                return done;
            }
        }
        return {};
    });
    QVERIFY(inserted.has_value());
    QStringList ids;
    std::optional<PostCursor> cursor;
    for (int page = 0; page < 4; ++page) {
        const auto rows = await<QList<PostRow>>([&](QObject *context, auto done) {
            m_backend->listPosts(PostFilter{}, cursor, 200, context, std::move(done));
        });
        QVERIFY(rows.has_value());
        for (const PostRow &row : *rows) {
            ids << row.post.id;
        }
        if (rows->isEmpty()) {
            break;
        }
        cursor = PostCursor{rows->last().post.schedule.atUtc, rows->last().post.id};
    }
    QCOMPARE(ids.size(), 450);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 450);
    QCOMPARE(ids.first(), base.id); // unscheduled first
    QCOMPARE(ids.at(1), QStringLiteral("p0000"));
    QCOMPARE(ids.at(2), QStringLiteral("p0100")); // same time as p0000, next id
    QCOMPARE(ids.last(), QStringLiteral("p0399"));
}

void TestFacade::countsByStatusAndFilters() {
    Post caption = validVideoPost();
    caption.text = QStringLiteral("Behind the SCENES of launch day");
    QVERIFY(create(caption, CreateIntent::SaveDraft).has_value());
    QVERIFY(create(validVideoPost(), CreateIntent::Submit).has_value());
    const auto counts = await<QHash<PostStatus, int>>(
        [&](QObject *context, auto done) { m_backend->countPosts(PostFilter{}, context, std::move(done)); });
    QVERIFY(counts.has_value());
    QCOMPARE(counts->value(PostStatus::Draft), 1);
    QCOMPARE(counts->value(PostStatus::Scheduled), 1);
    PostFilter search;
    search.captionContains = QStringLiteral("scenes");
    const auto found = await<QList<PostRow>>([&](QObject *context, auto done) {
        m_backend->listPosts(search, std::nullopt, 50, context, std::move(done));
    });
    QVERIFY(found.has_value());
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().post.content.text, caption.text);
    PostFilter byStatus;
    byStatus.statuses = {PostStatus::Scheduled};
    const auto scheduled = await<QList<PostRow>>([&](QObject *context, auto done) {
        m_backend->listPosts(byStatus, std::nullopt, 50, context, std::move(done));
    });
    QCOMPARE(scheduled->size(), 1);
    // The filter decides alike without the database (how the window places a changed post).
    const auto all = await<QList<PostRow>>([&](QObject *context, auto done) {
        m_backend->listPosts(PostFilter{}, std::nullopt, 50, context, std::move(done));
    });
    QCOMPARE(all->size(), 2);
    for (const PostRow &row : *all) {
        QCOMPARE(search.matches(row.post), row.post.id == found->first().post.id);
        QCOMPARE(byStatus.matches(row.post), row.post.status == PostStatus::Scheduled);
    }
    PostFilter wildcard;
    wildcard.captionContains = QStringLiteral("%"); // a LIKE wildcard is searched for as text
    const auto none = await<QList<PostRow>>([&](QObject *context, auto done) {
        m_backend->listPosts(wildcard, std::nullopt, 50, context, std::move(done));
    });
    QCOMPARE(none->size(), 0);
}

void TestFacade::deleteAndDuplicate() {
    const auto rows = create(validVideoPost(), CreateIntent::SaveDraft);
    QVERIFY(rows.has_value());
    const QString id = rows->first().post.id;
    const auto copy = await<PostRow>(
        [&](QObject *context, auto done) { m_backend->duplicate(id, context, std::move(done)); });
    QVERIFY2(copy.has_value(), qPrintable(copy ? QString() : copy.error().message));
    QVERIFY(copy->post.id != id);
    QCOMPARE(copy->post.status, PostStatus::Draft);
    QCOMPARE(copy->post.media.first().sha256, rows->first().post.media.first().sha256);
    QSignalSpy removed(m_backend.get(), &Backend::postRemoved);
    const auto deleted = await<std::optional<PostRow>>([&](QObject *context, auto done) {
        m_backend->perform(id, PostAction::Delete, QString(), context, std::move(done));
    });
    QVERIFY(deleted.has_value());
    QVERIFY(!deleted->has_value());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().first().toString(), id);
}

void TestFacade::postingTimesQueueSlotsAndSwaps() {
    {
        auto seed = Session::open();
        QVERIFY(seed);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(AccountRepository((*seed)->database())
                    .insert(Account{QStringLiteral("acct-1"), QStringLiteral("open-1"), QStringLiteral("Ana"),
                                    true, now.addDays(1), now.addDays(365)},
                            now));
    }
    QSignalSpy changed(m_backend.get(), &Backend::postingTimesChanged);
    const auto times = PostingTimes::parse(QStringLiteral("daily 18:30"), QStringLiteral("UTC"));
    const auto set = await<PostingTimes>([&](QObject *context, auto done) {
        m_backend->setPostingTimes(QStringLiteral("acct-1"), *times, context, std::move(done));
    });
    QVERIFY(set.has_value());
    QCOMPARE(*set, *times);
    QTRY_COMPARE(changed.size(), 1);
    const auto read = await<PostingTimes>([&](QObject *context, auto done) {
        m_backend->postingTimes(QStringLiteral("acct-1"), context, std::move(done));
    });
    QCOMPARE(*read, *times);
    // The default account's next free time, and a week of free times.
    const auto next = await<std::optional<QueueSlot>>(
        [&](QObject *context, auto done) { m_backend->nextQueueSlot(QString(), context, std::move(done)); });
    QVERIFY(next.has_value() && next->has_value());
    QCOMPARE((*next)->atUtc.time(), QTime(18, 30));
    QCOMPARE((*next)->accountId, QStringLiteral("acct-1"));
    const QDateTime from = (*next)->atUtc;
    const auto week = await<QList<QueueSlot>>([&](QObject *context, auto done) {
        m_backend->freeQueueSlots(from, from.addDays(7), context, std::move(done));
    });
    QCOMPARE(week->size(), 7);
    // Two posts in the first two times trade them.
    Post first = validVideoPost();
    first.scheduledFor = from;
    Post second = validVideoPost();
    second.scheduledFor = from.addDays(1);
    const QString a = create(first, CreateIntent::Submit)->first().post.id;
    const QString b = create(second, CreateIntent::Submit)->first().post.id;
    const auto swapped = await<QList<PostRow>>(
        [&](QObject *context, auto done) { m_backend->swapTimes(a, b, context, std::move(done)); });
    QVERIFY2(swapped.has_value(), qPrintable(swapped ? QString() : swapped.error().message));
    QCOMPARE(swapped->at(0).post.schedule.atUtc, from.addDays(1));
    QCOMPARE(swapped->at(1).post.schedule.atUtc, from);
    QCOMPARE(swapped->at(0).post.status, PostStatus::Scheduled);
    const auto taken = await<QList<QueueSlot>>([&](QObject *context, auto done) {
        m_backend->freeQueueSlots(from, from.addDays(7), context, std::move(done));
    });
    QCOMPARE(taken->size(), 5);
}

void TestFacade::resultsForAGoneContextAreDropped() {
    bool called = false;
    {
        QObject context;
        m_backend->countPosts(PostFilter{}, &context, [&](auto) { called = true; });
    }
    // A later command's answer proves the first one was processed and its result dropped.
    const auto later = await<QHash<PostStatus, int>>(
        [&](QObject *context, auto done) { m_backend->countPosts(PostFilter{}, context, std::move(done)); });
    QVERIFY(later.has_value());
    QVERIFY(!called);
}

void TestFacade::storeProgressIsReported() {
    QSignalSpy progress(m_backend.get(), &Backend::storeProgress);
    QVERIFY(create(validVideoPost(), CreateIntent::SaveDraft).has_value());
    QVERIFY(!progress.isEmpty());
    const QList<QVariant> last = progress.last();
    QCOMPARE(last.at(0).toLongLong(), last.at(1).toLongLong()); // all bytes copied
    QVERIFY(last.at(1).toLongLong() > 0);
}

void TestFacade::accountsComeWithTheirAvatars() {
    m_backend.reset(); // one window here: the one below, started once the account exists
    LoopbackHttpServer server;
    const QByteArray picture = fixtureBytes(QStringLiteral("photo.jpg"));
    server.route("/avatar.jpg", {200, picture, "image/jpeg", true, false, {}});
    {
        auto session = Session::open();
        QVERIFY(session.has_value());
        AccountRepository accounts((*session)->database());
        Account ana;
        ana.id = QStringLiteral("acct-1");
        ana.openId = QStringLiteral("open-ana");
        ana.displayName = QStringLiteral("Ana");
        ana.isDefault = true;
        QVERIFY(accounts.insert(ana, QDateTime::currentDateTimeUtc()));
        CreatorInfo info;
        info.username = QStringLiteral("ana.makes");
        info.avatarUrl = server.url(QStringLiteral("/avatar.jpg"));
        QVERIFY(accounts.storeCreatorInfo(ana.id, info, QDateTime::currentDateTimeUtc()));
    }
    Backend backend;
    Backend::Options options;
    options.publish = false;
    backend.start(options);
    QTRY_VERIFY_WITH_TIMEOUT(backend.accounts().size() == 1 && !backend.accounts().first().avatar.isEmpty(),
                             10000);
    QCOMPARE(backend.accounts().first().avatar, picture);
    QCOMPARE(backend.accounts().first().label(), QStringLiteral("Ana (@ana.makes)"));
    QCOMPARE(server.requests().size(), 1);
}

// What would fail only at publish time is a finding in the composer: photos on a publishing machine
// without a photo host, and a schedule past the end of the account's TikTok authorisation.
void TestFacade::publishTimeProblemsShowBeforeScheduling() {
    m_backend.reset();
    qunsetenv("CLIPQUEUE_PHOTO_UPLOAD_URL");
    qunsetenv("CLIPQUEUE_PHOTO_PUBLIC_URL");
    {
        auto session = Session::open();
        QVERIFY(session.has_value());
        AccountRepository accounts((*session)->database());
        Account ana;
        ana.id = QStringLiteral("acct-1");
        ana.openId = QStringLiteral("open-ana");
        ana.displayName = QStringLiteral("Ana");
        ana.isDefault = true;
        ana.refreshExpiresAt = QDateTime::currentDateTimeUtc().addDays(2);
        QVERIFY(accounts.insert(ana, QDateTime::currentDateTimeUtc()));
    }
    PublishLedger ledger;
    Backend backend;
    Backend::Options options;
    options.publish = true;
    options.publisherFactory = [&ledger](Session &) {
        return std::make_unique<ScriptedPublisher>(ledger);
    };
    QSignalSpy ready(&backend, &Backend::ready);
    backend.start(options);
    QVERIFY(ready.wait(10000));
    QVERIFY(!backend.workspace().photoHostConfigured);

    Post photos = validVideoPost();
    MediaDescriptor photo;
    photo.url = fileUrlForPath(fixturePath(QStringLiteral("photo.jpg")));
    photo.type = MediaType::Photo;
    photos.media = {photo};
    const auto codesOf = [](const QList<Finding> &findings) {
        QStringList codes;
        for (const Finding &finding : findings) {
            codes << findingCodeName(finding.code);
        }
        return codes;
    };
    QVERIFY(codesOf(backend.validate(photos, {}, QString(), true)).contains(u"photo.host_missing"));
    Post later = validVideoPost();
    later.scheduledFor = QDateTime::currentDateTimeUtc().addDays(5);
    QVERIFY(codesOf(backend.validate(later, {}, QString(), true)).contains(u"schedule.too_far"));
    later.scheduledFor = QDateTime::currentDateTimeUtc().addDays(1);
    QVERIFY(!codesOf(backend.validate(later, {}, QString(), true)).contains(u"schedule.too_far"));
}

void TestFacade::accountSetsAreEditedOnTheWorker() {
    m_backend.reset(); // this test runs the harness's Backend, with two accounts
    BackendHarness::Options options;
    options.accounts = {{QStringLiteral("acct-1"), QStringLiteral("ana.makes")},
                        {QStringLiteral("acct-2"), QStringLiteral("bob.films")}};
    BackendHarness harness(options);
    QVERIFY2(harness.start(), qPrintable(harness.why()));
    Backend &backend = harness.backend();
    QSignalSpy announced(&backend, &Backend::accountSetsChanged);
    const auto created = await<QList<AccountSet>>([&](QObject *context, auto done) {
        backend.createAccountSet(QStringLiteral("Brands"), context, done);
    });
    QVERIFY2(created.has_value(), qPrintable(created ? QString() : created.error().message));
    QCOMPARE(created->size(), 1);
    const QString id = created->first().id;
    QTRY_COMPARE(backend.accountSets().size(), 1); // cached on this thread, announced
    QVERIFY(announced.count() >= 1);

    const auto ticked = await<QList<AccountSet>>([&](QObject *context, auto done) {
        backend.setAccountSetMembers(id, {QStringLiteral("acct-2"), QStringLiteral("acct-1")}, context, done);
    });
    QVERIFY(ticked.has_value());
    QCOMPARE(ticked->first().accountIds.size(), 2);
    const auto taken = await<QList<AccountSet>>([&](QObject *context, auto done) {
        backend.createAccountSet(QStringLiteral("Brands"), context, done);
    });
    QCOMPARE(taken.error().code, ErrorCode::Usage); // refused, saying why
    QVERIFY(taken.error().message.contains(u"Brands"));
    const auto renamed = await<QList<AccountSet>>([&](QObject *context, auto done) {
        backend.renameAccountSet(id, QStringLiteral("Brand channels"), context, done);
    });
    QCOMPARE(renamed->first().name, QStringLiteral("Brand channels"));
    // What the window did is what the CLI and the database see, and the other way round.
    QCOMPARE(harness.seed().accountSets().get(id)->name, QStringLiteral("Brand channels"));
    QVERIFY(harness.seed().accountSets().create(QStringLiteral("Made elsewhere")).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(backend.accountSets().size(), 2, 10000); // by polling
    QVERIFY(harness.seed().accountSets().remove(QStringLiteral("Made elsewhere")).has_value());
    const auto deleted = await<QList<AccountSet>>(
        [&](QObject *context, auto done) { backend.deleteAccountSet(id, context, done); });
    QVERIFY(deleted.has_value() && deleted->isEmpty());
    QTRY_VERIFY(backend.accountSets().isEmpty());
}

quint64 TestFacade::conform(const QString &name, std::optional<std::expected<ConformedMedia, Error>> &result,
                            QObject *context) {
    ConformRequest request;
    request.path = fixturePath(name);
    auto probed = MediaProber().probe(request.path);
    if (!probed) {
        qFatal("cannot probe %s", qPrintable(name));
    }
    request.probed = *probed;
    return m_backend->conformMedia(request, context,
                                   [&result](std::expected<ConformedMedia, Error> done) { result = done; });
}

void TestFacade::conformMediaMakesANewStoreObject() {
    const QString source = fixturePath(QStringLiteral("fps120.mp4"));
    const QByteArray before =
        QCryptographicHash::hash(fixtureBytes(QStringLiteral("fps120.mp4")), QCryptographicHash::Sha256);
    QSignalSpy progress(m_backend.get(), &Backend::conformProgress);
    QObject context;
    std::optional<std::expected<ConformedMedia, Error>> result;
    const quint64 job = conform(QStringLiteral("fps120.mp4"), result, &context);
    QCOMPARE(m_backend->conformsRunning(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 120'000);
    QVERIFY2(*result, *result ? "" : qPrintable(result->error().message));
    const ConformedMedia &converted = **result;
    // A new object in the managed store, probed; the original is untouched.
    QVERIFY(converted.outputPath.startsWith(m_backend->workspace().mediaStoreRoot + u"/objects/"));
    QCOMPARE(converted.sourcePath, source);
    QCOMPARE(converted.probed.frameRate.value_or(0), 60.0);
    QCOMPARE(converted.probed.filename, QStringLiteral("fps120.tiktok.mp4"));
    QVERIFY(converted.description.contains(u"60 fps"));
    QCOMPARE(QCryptographicHash::hash(fixtureBytes(QStringLiteral("fps120.mp4")), QCryptographicHash::Sha256),
             before);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toULongLong(), job);
    QCOMPARE(progress.last().at(1).toDouble(), 1.0);
    QCOMPARE(m_backend->conformsRunning(), 0);

    // Not in a post yet, and older than the hour after which the store's clean-up takes files no
    // post refers to: it stays while the window may still save it (a session opening cleans up).
    QFile output(converted.outputPath);
    QVERIFY(output.open(QIODevice::ReadWrite));
    QVERIFY(output.setFileTime(QDateTime::currentDateTime().addSecs(-2 * 3600),
                               QFileDevice::FileModificationTime));
    output.close();
    QVERIFY(Session::open().has_value());
    QVERIFY(QFile::exists(converted.outputPath));

    // A file that needs nothing says so.
    result.reset();
    conform(QStringLiteral("vertical.mp4"), result, &context);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 120'000);
    QVERIFY(!*result);
    QCOMPARE(result->error().code, ErrorCode::NotFound);
}

void TestFacade::conformMediaCancelLeavesNothing() {
    const QString store = m_backend->workspace().mediaStoreRoot;
    QSignalSpy progress(m_backend.get(), &Backend::conformProgress);
    QObject context;
    std::optional<std::expected<ConformedMedia, Error>> result;
    const quint64 job = conform(QStringLiteral("slow_mpeg4.mp4"), result, &context);
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(1).toDouble() > 0, 120'000);
    m_backend->cancelConform(job);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 120'000);
    QVERIFY(!*result);
    QCOMPARE(result->error().code, ErrorCode::Cancelled);
    QCOMPARE(filesUnder(store + u"/incoming"), QStringList());
    QCOMPARE(filesUnder(store + u"/objects"), QStringList());
    QCOMPARE(filesUnder(store + u"/holds"), QStringList()); // a cancelled conversion holds nothing
}

void TestFacade::destroyingTheBackendStopsConversions() {
    const QString store = m_backend->workspace().mediaStoreRoot;
    QSignalSpy progress(m_backend.get(), &Backend::conformProgress);
    QObject context;
    std::optional<std::expected<ConformedMedia, Error>> result;
    conform(QStringLiteral("slow_mpeg4.mp4"), result, &context);
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(1).toDouble() > 0, 120'000);
    m_backend.reset(); // the app quits mid-conversion
    QCoreApplication::processEvents();
    QVERIFY(!result.has_value()); // nobody is answered after the Backend is gone
    QCOMPARE(filesUnder(store + u"/incoming"), QStringList());
    QCOMPARE(filesUnder(store + u"/objects"), QStringList());
    QCOMPARE(filesUnder(store + u"/holds"), QStringList()); // its holds went with it
}

QTEST_GUILESS_MAIN(TestFacade)
#include "tst_backend.moc"
