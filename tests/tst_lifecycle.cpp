// The post lifecycle of docs/lifecycle.md: every guarded transition, with and without required
// approval, the history it leaves, and schedules that keep their local time across DST.
#include "StoreFixture.h"
#include "TestFixtures.h"
#include "storage/WorkspaceSettingsRepository.h"

#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace cq;
using namespace cq::test;

namespace {
using Action = std::function<std::expected<StoredPost, Error>(PostLifecycle &, const QString &)>;

// Drives a fresh post to `status` through the public API only.
std::expected<StoredPost, Error> postIn(StoreFixture &fixture, PostStatus status) {
    PostLifecycle &posts = fixture.posts();
    const bool approval = status == PostStatus::InReview || status == PostStatus::Approved
                          || status == PostStatus::ChangesRequested;
    if (!WorkspaceSettings(fixture.database())
             .set(QStringLiteral("approval_required"),
                  approval ? QStringLiteral("true") : QStringLiteral("false"))) {
        return std::unexpected(Error{ErrorCode::Database, QStringLiteral("settings")});
    }
    auto created = fixture.importer().create(validVideoPost(), QString(), false);
    if (!created) {
        return std::unexpected(created.error());
    }
    const QString id = created->post.id;
    switch (status) {
    case PostStatus::Draft:
        return created->post;
    case PostStatus::InReview:
        return posts.submit(id);
    case PostStatus::ChangesRequested:
        posts.submit(id);
        return posts.requestChanges(id, QStringLiteral("Shorter caption, please"));
    case PostStatus::Approved:
        posts.submit(id);
        return posts.approve(id, QString());
    case PostStatus::Scheduled:
        return posts.submit(id);
    case PostStatus::Cancelled:
        return posts.cancel(id);
    case PostStatus::NeedsAttention:
    case PostStatus::Failed:
    case PostStatus::Published:
    case PostStatus::Publishing: {
        posts.submit(id);
        auto claimed = posts.claim(id, PostStatus::Scheduled, QStringLiteral("r"),
                                   fixture.clock().nowUtc().addSecs(60), {});
        if (!claimed || !*claimed || status == PostStatus::Publishing) {
            return posts.repository().get(id);
        }
        const PostAction action = status == PostStatus::Failed      ? PostAction::Fail
                                  : status == PostStatus::Published ? PostAction::Publish
                                                                    : PostAction::MarkUnknown;
        return posts.advance(id, action, QStringLiteral("test"));
    }
    case PostStatus::Processing:
        break;
    }
    return std::unexpected(Error{ErrorCode::Usage, QStringLiteral("unsupported start state")});
}
} // namespace

Q_DECLARE_METATYPE(Action)
Q_DECLARE_METATYPE(cq::PostStatus)

class TestLifecycle : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void transitions_data();
    void transitions();
    void submitGoesToReviewOnlyWhenApprovalIsRequired();
    void postWithValidationErrorsCannotBeSubmittedApprovedOrScheduled();
    void editingAnApprovedPostWithdrawsTheApproval();
    void requestChangesNeedsAComment();
    void historyRecordsWhoWhenFromToAndComment();
    void scheduleKeepsLocalTimeAcrossDaylightSaving();
    void aTimePickedInAZoneKeepsThatZone();
    void unknownPostIsNotFound();
    void deleteReleasesMediaOnlyWhenUnused();
    void tableNamesWhatPeopleMayDo_data();
    void tableNamesWhatPeopleMayDo();
    void tableExplainsWhatIsNotAllowed();
    void duplicateIsANewDraftWithTheSameMedia();
    void duplicateOfAPublishedPostStartsAfresh();
    void editKeepsTheMediaAndOneAccount();
};

void TestLifecycle::transitions_data() {
    QTest::addColumn<PostStatus>("from");
    QTest::addColumn<Action>("action");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<PostStatus>("to");

    const Action submit = [](PostLifecycle &p, const QString &id) {
        return p.submit(id);
    };
    const Action approve = [](PostLifecycle &p, const QString &id) {
        return p.approve(id, QStringLiteral("ok"));
    };
    const Action requestChanges = [](PostLifecycle &p, const QString &id) {
        return p.requestChanges(id, QStringLiteral("fix it"));
    };
    const Action schedule = [](PostLifecycle &p, const QString &id) {
        return p.schedule(id, QDateTime(QDate(2026, 12, 24), QTime(18, 0), Qt::UTC));
    };
    const Action cancel = [](PostLifecycle &p, const QString &id) {
        return p.cancel(id);
    };
    const Action retry = [](PostLifecycle &p, const QString &id) {
        return p.retry(id);
    };
    const Action markPublished = [](PostLifecycle &p, const QString &id) {
        return p.markPublished(id);
    };
    using S = PostStatus;
    auto row = [](const char *name, S from, const Action &action, bool allowed, S to) {
        QTest::newRow(name) << from << action << allowed << to;
    };
    row("submit a draft (no approval needed) → scheduled", S::Draft, submit, true, S::Scheduled);
    row("submit a post in review", S::InReview, submit, false, S::InReview);
    row("approve a post in review", S::InReview, approve, true, S::Approved);
    row("approve a draft", S::Draft, approve, false, S::Draft);
    row("approve a post that needs changes", S::ChangesRequested, approve, false, S::ChangesRequested);
    row("request changes on a post in review", S::InReview, requestChanges, true, S::ChangesRequested);
    row("request changes on an approved post", S::Approved, requestChanges, true, S::ChangesRequested);
    row("request changes on a draft", S::Draft, requestChanges, false, S::Draft);
    row("resubmit after changes were requested", S::ChangesRequested, submit, true, S::InReview);
    row("schedule an approved post", S::Approved, schedule, true, S::Scheduled);
    row("schedule a post in review (approval required)", S::InReview, schedule, false, S::InReview);
    row("schedule a draft (no approval needed)", S::Draft, schedule, true, S::Scheduled);
    row("reschedule a scheduled post", S::Scheduled, schedule, true, S::Scheduled);
    row("schedule a published post", S::Published, schedule, false, S::Published);
    row("cancel a scheduled post", S::Scheduled, cancel, true, S::Cancelled);
    row("cancel a post in review", S::InReview, cancel, true, S::Cancelled);
    row("cancel while publishing", S::Publishing, cancel, false, S::Publishing);
    row("cancel a published post", S::Published, cancel, false, S::Published);
    row("cancel a post that needs attention", S::NeedsAttention, cancel, true, S::Cancelled);
    row("retry a failed post", S::Failed, retry, true, S::Scheduled);
    row("retry a post that needs attention", S::NeedsAttention, retry, true, S::Scheduled);
    row("retry a published post", S::Published, retry, false, S::Published);
    row("retry a scheduled post", S::Scheduled, retry, false, S::Scheduled);
    row("mark a post that needs attention as published", S::NeedsAttention, markPublished, true,
        S::Published);
    row("mark a failed post as published", S::Failed, markPublished, false, S::Failed);
}

void TestLifecycle::transitions() {
    QFETCH(PostStatus, from);
    QFETCH(Action, action);
    QFETCH(bool, allowed);
    QFETCH(PostStatus, to);

    StoreFixture fixture;
    QVERIFY2(fixture.isReady(), qPrintable(fixture.why()));
    const auto start = postIn(fixture, from);
    QVERIFY2(start.has_value(), qPrintable(start ? QString() : start.error().message));
    QCOMPARE(start->status, from);
    const int historyBefore = int(fixture.posts().repository().history(start->id)->size());

    const auto result = action(fixture.posts(), start->id);
    QCOMPARE(result.has_value(), allowed);
    if (!allowed) {
        QCOMPARE(result.error().code, ErrorCode::InvalidTransition);
        QVERIFY2(result.error().message.contains(postStatusName(from)), qPrintable(result.error().message));
    }
    const auto after = fixture.posts().repository().get(start->id);
    QCOMPARE(after->status, to);
    QCOMPARE(int(fixture.posts().repository().history(start->id)->size()), historyBefore + (allowed ? 1 : 0));
}

void TestLifecycle::submitGoesToReviewOnlyWhenApprovalIsRequired() {
    StoreFixture fixture;
    QVERIFY(WorkspaceSettingsRepository(fixture.database())
                .setValue(QStringLiteral("approval_required"), QStringLiteral("true")));
    const auto created = fixture.importer().create(validVideoPost(), QString(), true);
    QVERIFY(created.has_value());
    QCOMPARE(created->post.status, PostStatus::InReview);
}

void TestLifecycle::postWithValidationErrorsCannotBeSubmittedApprovedOrScheduled() {
    StoreFixture fixture;
    Post post = validVideoPost(fixturePath(QStringLiteral("fps15.mp4"))); // 15 fps: too few
    const auto created = fixture.importer().create(post, QString(), false);
    QVERIFY(created.has_value()); // drafts may be invalid
    QVERIFY(hasErrors(created->findings));
    const auto submitted = fixture.posts().submit(created->post.id);
    QVERIFY(!submitted.has_value());
    QCOMPARE(submitted.error().code, ErrorCode::ValidationFailed);
    QVERIFY2(submitted.error().message.contains(u"video.frame_rate_out_of_range"),
             qPrintable(submitted.error().message));
    const auto scheduled = fixture.posts().schedule(created->post.id, fixture.clock().nowUtc().addDays(1));
    QCOMPARE(scheduled.error().code, ErrorCode::ValidationFailed);
    QCOMPARE(fixture.posts().repository().get(created->post.id)->status, PostStatus::Draft);

    // A schedule in the past is a validation error too.
    const auto valid = fixture.importer().create(validVideoPost(), QString(), false);
    const auto past = fixture.posts().schedule(valid->post.id, fixture.clock().nowUtc().addSecs(-60));
    QCOMPARE(past.error().code, ErrorCode::ValidationFailed);
    QVERIFY(past.error().message.contains(u"schedule.in_past"));

    // No account and no default account: post.no_accounts at submit time.
    Post noAccounts = validVideoPost();
    noAccounts.accounts.clear();
    const auto orphan = fixture.importer().create(noAccounts, QString(), false);
    const auto orphanSubmit = fixture.posts().submit(orphan->post.id);
    QCOMPARE(orphanSubmit.error().code, ErrorCode::ValidationFailed);
    QVERIFY(orphanSubmit.error().message.contains(u"post.no_accounts"));
}

void TestLifecycle::editingAnApprovedPostWithdrawsTheApproval() {
    StoreFixture fixture;
    const auto approved = postIn(fixture, PostStatus::Approved);
    QVERIFY(approved.has_value());
    Post edited = approved->toPost();
    edited.text = QStringLiteral("A better caption");
    const auto after = fixture.posts().edit(approved->id, edited);
    QVERIFY(after.has_value());
    QCOMPARE(after->status, PostStatus::Draft);
    QCOMPARE(after->content.text, QStringLiteral("A better caption"));
    QCOMPARE(fixture.posts().repository().history(approved->id)->last().action, QStringLiteral("edit"));

    // Scheduled (approval required): back to draft as well.
    fixture.posts().submit(approved->id);
    fixture.posts().approve(approved->id, {});
    QCOMPARE(fixture.posts().schedule(approved->id, fixture.clock().nowUtc().addDays(2))->status,
             PostStatus::Scheduled);
    QCOMPARE(fixture.posts().edit(approved->id, edited)->status, PostStatus::Draft);

    // Without approvals, a scheduled post that stays valid stays scheduled.
    WorkspaceSettings(fixture.database()).set(QStringLiteral("approval_required"), QStringLiteral("false"));
    QCOMPARE(fixture.posts().submit(approved->id)->status, PostStatus::Scheduled);
    QCOMPARE(fixture.posts().edit(approved->id, edited)->status, PostStatus::Scheduled);

    // An edit that names no time keeps the post's time, in the row and in the exported JSON.
    const QDateTime when = fixture.posts().repository().get(approved->id)->schedule.atUtc.value();
    Post untimed = edited;
    untimed.scheduledFor.reset();
    const auto kept = fixture.posts().edit(approved->id, untimed);
    QVERIFY(kept.has_value());
    QCOMPARE(kept->schedule.atUtc, when);
    QVERIFY(kept->toPost().scheduledFor.has_value());
    QCOMPARE(kept->toPost().scheduledFor->toUTC(), when);
}

void TestLifecycle::requestChangesNeedsAComment() {
    StoreFixture fixture;
    const auto inReview = postIn(fixture, PostStatus::InReview);
    const auto result = fixture.posts().requestChanges(inReview->id, QStringLiteral("   "));
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::Usage);
    QCOMPARE(fixture.posts().repository().get(inReview->id)->status, PostStatus::InReview);
}

void TestLifecycle::historyRecordsWhoWhenFromToAndComment() {
    StoreFixture fixture;
    const auto inReview = postIn(fixture, PostStatus::InReview);
    fixture.clock().advance(60'000);
    PostLifecycle reviewer(fixture.database(), fixture.store(), fixture.clock(),
                           QStringLiteral("reviewer-rui"));
    QVERIFY(reviewer.approve(inReview->id, QStringLiteral("Looks great")).has_value());
    const HistoryEntry last = fixture.posts().repository().history(inReview->id)->last();
    QCOMPARE(last.actor, QStringLiteral("reviewer-rui"));
    QCOMPARE(last.action, QStringLiteral("approve"));
    QCOMPARE(last.from, PostStatus::InReview);
    QCOMPARE(last.to, PostStatus::Approved);
    QCOMPARE(last.comment, QStringLiteral("Looks great"));
    QCOMPARE(last.at, fixture.clock().nowUtc());
}

void TestLifecycle::scheduleKeepsLocalTimeAcrossDaylightSaving() {
    StoreFixture fixture;
    const QTimeZone berlin("Europe/Berlin");
    QVERIFY2(berlin.isValid(), "the tzdata package provides Europe/Berlin");
    // Europe/Berlin moves from UTC+1 to UTC+2 in the night to Sunday 2027-03-28.
    const auto before = fixture.importer().create(validVideoPost(), QString(), false);
    const auto after = fixture.importer().create(validVideoPost(), QString(), false);
    const auto autumn = fixture.importer().create(validVideoPost(), QString(), false);
    const QTime evening(18, 30);
    QVERIFY(fixture.posts().schedule(before->post.id, QDateTime(QDate(2027, 3, 27), evening),
                                     QStringLiteral("Europe/Berlin")));
    QVERIFY(fixture.posts().schedule(after->post.id, QDateTime(QDate(2027, 3, 28), evening),
                                     QStringLiteral("Europe/Berlin")));
    QVERIFY(fixture.posts().schedule(autumn->post.id, QDateTime(QDate(2027, 10, 31), evening),
                                     QStringLiteral("Europe/Berlin")));

    const auto first = fixture.posts().repository().get(before->post.id);
    const auto second = fixture.posts().repository().get(after->post.id);
    const auto third = fixture.posts().repository().get(autumn->post.id);
    QCOMPARE(first->schedule.atUtc, QDateTime(QDate(2027, 3, 27), QTime(17, 30), Qt::UTC));
    QCOMPARE(second->schedule.atUtc, QDateTime(QDate(2027, 3, 28), QTime(16, 30), Qt::UTC));
    QCOMPARE(third->schedule.atUtc, QDateTime(QDate(2027, 10, 31), QTime(17, 30), Qt::UTC));
    QCOMPARE(second->schedule.timeZone, QStringLiteral("Europe/Berlin"));
    for (const auto &post : {first, second, third}) {
        QCOMPARE(post->schedule.atUtc->toTimeZone(berlin).time(), evening);
    }
    // The runner finds each due at its own instant.
    PostRepository &repository = fixture.posts().repository();
    QVERIFY(!repository.dueIds(QDateTime(QDate(2027, 3, 28), QTime(16, 29, 59), Qt::UTC), 10)
                 ->contains(second->id));
    QVERIFY(
        repository.dueIds(QDateTime(QDate(2027, 3, 28), QTime(16, 30), Qt::UTC), 10)->contains(second->id));
}

void TestLifecycle::aTimePickedInAZoneKeepsThatZone() {
    // The composer picks "18:30 America/New_York" whatever the workspace's default zone is.
    StoreFixture fixture;
    QVERIFY(WorkspaceSettings(fixture.database())
                .set(QStringLiteral("default_time_zone"), QStringLiteral("Europe/Berlin")));
    Post post = validVideoPost();
    const QDateTime newYork(QDate(2027, 1, 15), QTime(18, 30), QTimeZone("America/New_York"));
    post.scheduledFor = newYork;
    const auto created = fixture.importer().create(post, QString(), false);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    QCOMPARE(created->post.schedule.timeZone, QStringLiteral("America/New_York"));
    QCOMPARE(*created->post.schedule.atUtc, QDateTime(QDate(2027, 1, 15), QTime(23, 30), Qt::UTC));

    // An edit with a time in another zone moves the post there; one with an offset keeps its zone.
    post.scheduledFor = QDateTime(QDate(2027, 1, 16), QTime(9, 0), QTimeZone("Asia/Tokyo"));
    const auto moved = fixture.posts().edit(created->post.id, post);
    QVERIFY2(moved, moved ? "" : qPrintable(moved.error().message));
    QCOMPARE(moved->schedule.timeZone, QStringLiteral("Asia/Tokyo"));
    QCOMPARE(*moved->schedule.atUtc, QDateTime(QDate(2027, 1, 16), QTime(0, 0), Qt::UTC));
    post.scheduledFor = QDateTime(QDate(2027, 1, 17), QTime(9, 0), Qt::UTC);
    const auto offset = fixture.posts().edit(created->post.id, post);
    QCOMPARE(offset->schedule.timeZone, QStringLiteral("Asia/Tokyo"));

    // Without a zone (the JSON contract's offsets), the workspace's default zone is kept as before.
    Post fromJson = validVideoPost();
    fromJson.scheduledFor = QDateTime(QDate(2027, 1, 15), QTime(18, 30), Qt::OffsetFromUTC, 3600);
    QCOMPARE(fixture.importer().create(fromJson, QString(), false)->post.schedule.timeZone,
             QStringLiteral("Europe/Berlin"));
}

void TestLifecycle::unknownPostIsNotFound() {
    StoreFixture fixture;
    const auto result = fixture.posts().approve(QStringLiteral("no-such-post"), {});
    QVERIFY(!result.has_value());
    QCOMPARE(result.error().code, ErrorCode::NotFound);
}

void TestLifecycle::deleteReleasesMediaOnlyWhenUnused() {
    StoreFixture fixture;
    const auto a = fixture.importer().create(validVideoPost(), QString(), false);
    const auto b = fixture.importer().create(validVideoPost(), QString(), false);
    const QString stored = fixture.store().pathFor(a->post.media.first().sha256);
    QCOMPARE(a->post.media.first().sha256, b->post.media.first().sha256); // stored once
    QVERIFY(fixture.posts().remove(a->post.id).has_value());
    QVERIFY(QFile::exists(stored)); // b still refers to it
    QVERIFY(fixture.posts().remove(b->post.id).has_value());
    QVERIFY(!QFile::exists(stored));
    // A scheduled post cannot be deleted before it is cancelled.
    const auto c = fixture.importer().create(validVideoPost(), QString(), true);
    QCOMPARE(fixture.posts().remove(c->post.id).error().code, ErrorCode::InvalidTransition);
}

void TestLifecycle::tableNamesWhatPeopleMayDo_data() {
    QTest::addColumn<PostStatus>("status");
    QTest::addColumn<bool>("approvalRequired");
    QTest::addColumn<QStringList>("actions");
    using S = PostStatus;
    const auto row = [](const char *name, S status, bool approval,
                        std::initializer_list<const char *> actions) {
        QStringList names;
        for (const char *action : actions) {
            names << QString::fromLatin1(action);
        }
        QTest::newRow(name) << status << approval << names;
    };
    row("draft", S::Draft, false, {"submit", "schedule", "edit", "cancel", "delete"});
    row("draft, approval required", S::Draft, true, {"submit", "edit", "cancel", "delete"});
    row("in review", S::InReview, true, {"approve", "request_changes", "edit", "cancel"});
    row("approved", S::Approved, true, {"request_changes", "schedule", "edit", "cancel"});
    row("scheduled", S::Scheduled, false, {"schedule", "edit", "cancel"});
    row("publishing", S::Publishing, false, {});
    row("processing", S::Processing, false, {});
    row("published", S::Published, false, {"delete"});
    row("failed", S::Failed, false, {"cancel", "retry", "delete"});
    row("needs attention", S::NeedsAttention, false, {"cancel", "retry", "mark_published"});
    row("cancelled", S::Cancelled, false, {"delete"});
}

void TestLifecycle::tableNamesWhatPeopleMayDo() {
    QFETCH(PostStatus, status);
    QFETCH(bool, approvalRequired);
    QFETCH(QStringList, actions);
    QStringList names;
    for (PostAction action : Lifecycle::userActions(status, approvalRequired)) {
        names << Lifecycle::actionName(action);
        QVERIFY(Lifecycle::whyNot(action, status, approvalRequired).isEmpty());
        QCOMPARE(Lifecycle::actionFromName(names.last()), action);
    }
    QCOMPARE(names, actions);
}

void TestLifecycle::tableExplainsWhatIsNotAllowed() {
    QVERIFY(Lifecycle::whyNot(PostAction::Cancel, PostStatus::Publishing, false).contains(u"publishing"));
    // Scheduling a draft with approvals on: the reason names the review, not just "cannot".
    QVERIFY(Lifecycle::whyNot(PostAction::Schedule, PostStatus::Draft, true).contains(u"approv"));
    // Runner actions are not offered to people.
    QVERIFY(!Lifecycle::userActions(PostStatus::Scheduled, false).contains(PostAction::Claim));
}

void TestLifecycle::duplicateIsANewDraftWithTheSameMedia() {
    StoreFixture fixture;
    const auto failed = postIn(fixture, PostStatus::Failed);
    QVERIFY(failed.has_value());
    QCOMPARE(failed->status, PostStatus::Failed);
    const auto copy = fixture.posts().duplicate(failed->id);
    QVERIFY(copy.has_value());
    QVERIFY(copy->id != failed->id);
    QCOMPARE(copy->status, PostStatus::Draft);
    QCOMPARE(copy->content.text, failed->content.text);
    QCOMPARE(copy->media.first().sha256, failed->media.first().sha256);
    QVERIFY(copy->publishId.isEmpty());
    QCOMPARE(fixture.posts().repository().history(copy->id)->size(), 1);
}

void TestLifecycle::editKeepsTheMediaAndOneAccount() {
    StoreFixture fixture;
    const auto draft = postIn(fixture, PostStatus::Draft);
    QVERIFY(draft.has_value());
    Post otherMedia = draft->toPost();
    otherMedia.media.first().url = fileUrlForPath(fixturePath(QStringLiteral("rotated.mp4")));
    const auto swapped = fixture.posts().edit(draft->id, otherMedia);
    QCOMPARE(swapped.error().code, ErrorCode::Usage);
    QVERIFY2(swapped.error().message.contains(u"media"), qPrintable(swapped.error().message));

    Post twoAccounts = draft->toPost();
    twoAccounts.accounts = {QStringLiteral("acct-1"), QStringLiteral("acct-2")};
    QCOMPARE(fixture.posts().edit(draft->id, twoAccounts).error().code, ErrorCode::Usage);

    // Refused edits leave no trace; restating the same media is an edit like any other.
    QCOMPARE(fixture.posts().repository().history(draft->id)->size(), 1);
    Post recaptioned = draft->toPost();
    recaptioned.text = QStringLiteral("New words, same clip");
    QCOMPARE(fixture.posts().edit(draft->id, recaptioned)->content.text, recaptioned.text);
}

void TestLifecycle::duplicateOfAPublishedPostStartsAfresh() {
    StoreFixture fixture;
    PostLifecycle &posts = fixture.posts();
    const auto original = postIn(fixture, PostStatus::Publishing);
    QVERIFY(original.has_value());
    QVERIFY(posts.advance(original->id, PostAction::StorePublishId, {},
                          [](StoredPost &post) { post.publishId = QStringLiteral("v_pub_1"); }));
    QVERIFY(posts.advance(original->id, PostAction::Publish, {}, [](StoredPost &post) {
        post.publicPostId = QStringLiteral("7312345678901234567");
    }));

    fixture.clock().advance(60'000);
    const auto copy = posts.duplicate(original->id);
    QVERIFY(copy.has_value());
    QVERIFY(copy->id != original->id);
    QCOMPARE(copy->status, PostStatus::Draft);
    QCOMPARE(copy->content.text, original->content.text);
    QCOMPARE(copy->content.accounts, original->content.accounts);
    QCOMPARE(copy->schedule.timeZone, original->schedule.timeZone);
    QCOMPARE(copy->media.size(), original->media.size());
    QCOMPARE(copy->media.first().sha256, original->media.first().sha256);
    QVERIFY(copy->publishId.isEmpty());
    QVERIFY(copy->publicPostId.isEmpty());
    QCOMPARE(copy->createdAt, fixture.clock().nowUtc());

    const auto stored = posts.repository().get(copy->id);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->status, PostStatus::Draft);
    QVERIFY(stored->publishId.isEmpty());
    const auto history = posts.repository().history(copy->id);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().action, QStringLiteral("create"));
    QCOMPARE(history->first().comment, u"Duplicate of " + original->id);
    QCOMPARE(posts.repository().attempts(copy->id)->size(), 0);

    // The copy keeps the shared media alive when the original goes.
    const QString bytes = fixture.store().pathFor(copy->media.first().sha256);
    QVERIFY(posts.remove(original->id).has_value());
    QVERIFY(QFile::exists(bytes));
    const auto submitted = posts.submit(copy->id);
    QVERIFY(submitted.has_value());
    QCOMPARE(submitted->status, PostStatus::Scheduled);

    QCOMPARE(posts.duplicate(QStringLiteral("no-such-post")).error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
