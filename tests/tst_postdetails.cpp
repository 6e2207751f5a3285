// The details panel of one post: what TikTok said about a failed attempt, what "needs attention"
// means, exactly the actions the lifecycle allows, the TikTok link once the post is public, and the
// schedule and request-changes dialogs round trip through a real Backend.
#include "BackendHarness.h"
#include "TestFixtures.h"
#include "common/CommentDialog.h"
#include "common/ScheduleDialog.h"
#include "common/SeverityLabel.h"
#include "common/StoredThumbnails.h"
#include "queue/PostDetailsPanel.h"
#include "queue/PostHistoryModel.h"
#include "queue/PublishAttemptsModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace cq;
using namespace cq::ui;
using namespace cq::test;

namespace {
const QList<PostAction> userActions{
    PostAction::Submit,   PostAction::Approve,       PostAction::RequestChanges,
    PostAction::Schedule, PostAction::Edit,          PostAction::Cancel,
    PostAction::Retry,    PostAction::MarkPublished, PostAction::Delete};

PublishAttempt tiktokSaid(AttemptOutcome outcome, const QString &code, const QString &message,
                          const QString &logId, std::optional<int> httpStatus) {
    PublishAttempt attempt;
    attempt.outcome = outcome;
    attempt.errorCode = code;
    attempt.errorMessage = message;
    attempt.logId = logId;
    attempt.httpStatus = httpStatus;
    attempt.publishId = QStringLiteral("v_pub_file~v2-1.7312");
    return attempt;
}

} // namespace

class TestPostDetails : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void failedPostShowsWhatTikTokSaid();
    void needsAttentionExplainsEachChoice();
    void buttonsAreExactlyTheAllowedActions_data();
    void buttonsAreExactlyTheAllowedActions();
    void reviewActionsWhenApprovalIsRequired();
    void linkAppearsOnceThePostIsPublic();
    void scheduleDialogRoundTrip();
    void requestChangesAsksForAComment();
    void duplicateAndDelete();
    void findingsShowTheirSeverity();

private:
    bool start(bool approvalRequired);
    PostDetailsPanel &panel();
    bool showLoaded(const QString &id);
    QPushButton *button(PostAction action);
    void settleThumbnails();

    std::unique_ptr<BackendHarness> m_harness;
    std::unique_ptr<PostDetailsPanel> m_panel;
};

void TestPostDetails::init() {
    QVERIFY(start(false));
}

void TestPostDetails::cleanup() {
    m_panel.reset();
    m_harness.reset();
}

bool TestPostDetails::start(bool approvalRequired) {
    m_panel.reset();
    m_harness =
        std::make_unique<BackendHarness>(BackendHarness::Options{.approvalRequired = approvalRequired});
    if (!m_harness->start()) {
        qWarning().noquote() << m_harness->why();
        return false;
    }
    m_panel = std::make_unique<PostDetailsPanel>(m_harness->backend());
    new QAbstractItemModelTester(m_panel->historyModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_panel.get());
    new QAbstractItemModelTester(m_panel->attemptsModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, m_panel.get());
    m_panel->resize(560, 900);
    m_panel->show();
    return true;
}

PostDetailsPanel &TestPostDetails::panel() {
    return *m_panel;
}

bool TestPostDetails::showLoaded(const QString &id) {
    QSignalSpy loaded(m_panel.get(), &PostDetailsPanel::loaded);
    m_panel->showPost(id);
    return loaded.wait(5000) && m_panel->details() && m_panel->details()->row.post.id == id;
}

QPushButton *TestPostDetails::button(PostAction action) {
    return m_panel->findChild<QPushButton *>(PostDetailsPanel::buttonName(action));
}

// Thumbnails are decoded off the GUI thread; the layout follows them (for screenshots).
void TestPostDetails::settleThumbnails() {
    QTRY_COMPARE(StoredThumbnails::of(m_harness->backend()).pending(), 0);
    QTest::qWait(100);
}

void TestPostDetails::failedPostShowsWhatTikTokSaid() {
    auto post = m_harness->submitted(QStringLiteral("Behind the scenes of our launch 🎬 #launch #bts"));
    QVERIFY2(post, post ? "" : qPrintable(post.error().message));
    auto failed =
        m_harness->settle(post->id, PostAction::Fail,
                          tiktokSaid(AttemptOutcome::Failed, QStringLiteral("spam_risk_too_many_posts"),
                                     QStringLiteral("The user has posted too much in the last 24 hours."),
                                     QStringLiteral("202612011405330A1B2C3D4E5F"), 403));
    QVERIFY2(failed, failed ? "" : qPrintable(failed.error().message));
    QVERIFY(showLoaded(post->id));

    QCOMPARE(panel().findChild<QLabel *>(QStringLiteral("statusBadge"))->text(), QStringLiteral("Failed"));
    QCOMPARE(panel().findChild<QLabel *>(QStringLiteral("privacyValue"))->text(), QStringLiteral("Only me"));
    QCOMPARE(panel().findChild<QLabel *>(QStringLiteral("accountValue"))->text(),
             QStringLiteral("ana.makes (@ana.makes)"));
    const PublishAttemptsModel *attempts = panel().attemptsModel();
    QCOMPARE(attempts->rowCount(), 1);
    const auto cell = [&](int column) {
        return attempts->index(0, column).data().toString();
    };
    QCOMPARE(cell(PublishAttemptsModel::ErrorCode), QStringLiteral("spam_risk_too_many_posts"));
    QCOMPARE(cell(PublishAttemptsModel::LogId), QStringLiteral("202612011405330A1B2C3D4E5F"));
    QCOMPARE(cell(PublishAttemptsModel::HttpStatus), QStringLiteral("403"));
    QCOMPARE(cell(PublishAttemptsModel::Outcome), QStringLiteral("Failed"));
    QVERIFY(!cell(PublishAttemptsModel::Started).isEmpty());
    QVERIFY(!cell(PublishAttemptsModel::Finished).isEmpty());

    // The attempt's text can be copied for TikTok's support.
    auto *table = panel().findChild<QTableView *>(QStringLiteral("attemptsTable"));
    QVERIFY(table->isVisibleTo(&panel()));
    table->selectAll();
    table->findChild<QAction *>(QStringLiteral("attemptsTableCopyAction"))->trigger();
    QVERIFY(QApplication::clipboard()->text().contains(u"202612011405330A1B2C3D4E5F"));
    QVERIFY(QApplication::clipboard()->text().contains(u"spam_risk_too_many_posts"));

    auto *attention = panel().findChild<QWidget *>(QStringLiteral("attentionBox"));
    QVERIFY(attention->isVisibleTo(&panel()));
    const QString said = panel().findChild<QLabel *>(QStringLiteral("attentionText"))->text();
    QVERIFY2(said.contains(u"spam_risk_too_many_posts") && said.contains(u"202612011405330A1B2C3D4E5F"),
             qPrintable(said));
    // The history names the runner's claim and the failure.
    const QList<HistoryEntry> &history = panel().historyModel()->entries();
    QCOMPARE(history.constLast().to, PostStatus::Failed);
    QCOMPARE(
        panel().historyModel()->index(int(history.size()) - 1, PostHistoryModel::Change).data().toString(),
        QStringLiteral("Publishing → Failed"));
    QCOMPARE(panel().historyModel()->index(0, PostHistoryModel::Change).data().toString(),
             QStringLiteral("Created"));

    settleThumbnails();
    QVERIFY(panel().grab().save(screenshotPath(QStringLiteral("postdetails-failed.png"))));
}

void TestPostDetails::needsAttentionExplainsEachChoice() {
    auto post = m_harness->submitted();
    QVERIFY(post);
    QVERIFY(m_harness->settle(post->id, PostAction::MarkUnknown,
                              tiktokSaid(AttemptOutcome::Unknown, QStringLiteral("internal_error"),
                                         QStringLiteral("Something went wrong on TikTok's side."),
                                         QStringLiteral("20261201LOG"), 500)));
    QVERIFY(showLoaded(post->id));
    QCOMPARE(panel().findChild<QLabel *>(QStringLiteral("statusBadge"))->text(),
             QStringLiteral("Needs attention"));
    QVERIFY(panel().findChild<QWidget *>(QStringLiteral("attentionBox"))->isVisibleTo(&panel()));
    const QString text = panel().findChild<QLabel *>(QStringLiteral("attentionText"))->text();
    for (const char *expected : {"may or may not have this post", "internal_error", "20261201LOG",
                                 "posted twice", "check TikTok first", "Mark as published",
                                 "you saw the post", "gives up", "https://www.tiktok.com/@ana.makes"}) {
        QVERIFY2(text.contains(QLatin1StringView(expected)), expected);
    }
    for (const PostAction action : {PostAction::Retry, PostAction::MarkPublished, PostAction::Cancel}) {
        QVERIFY2(button(action)->isVisibleTo(&panel()), qPrintable(Lifecycle::actionName(action)));
    }
    settleThumbnails();
    QVERIFY(panel().grab().save(screenshotPath(QStringLiteral("postdetails-needs-attention.png"))));

    button(PostAction::MarkPublished)->click();
    QTRY_COMPARE(panel().findChild<QLabel *>(QStringLiteral("statusBadge"))->text(),
                 QStringLiteral("Published"));
    QVERIFY(!panel().findChild<QWidget *>(QStringLiteral("attentionBox"))->isVisibleTo(&panel()));
    QCOMPARE(panel().historyModel()->entries().constLast().actor, QStringLiteral("rita"));
}

void TestPostDetails::buttonsAreExactlyTheAllowedActions_data() {
    QTest::addColumn<PostStatus>("status");
    QTest::newRow("draft") << PostStatus::Draft;
    QTest::newRow("scheduled") << PostStatus::Scheduled;
    QTest::newRow("failed") << PostStatus::Failed;
    QTest::newRow("needs attention") << PostStatus::NeedsAttention;
    QTest::newRow("published") << PostStatus::Published;
    QTest::newRow("cancelled") << PostStatus::Cancelled;
}

void TestPostDetails::buttonsAreExactlyTheAllowedActions() {
    QFETCH(PostStatus, status);
    auto post = status == PostStatus::Draft || status == PostStatus::Cancelled ? m_harness->draft()
                                                                               : m_harness->submitted();
    QVERIFY(post);
    const auto attempt = tiktokSaid(AttemptOutcome::Failed, QStringLiteral("x"), QString(), QString(), {});
    if (status == PostStatus::Failed || status == PostStatus::NeedsAttention
        || status == PostStatus::Published) {
        const PostAction action = status == PostStatus::Failed      ? PostAction::Fail
                                  : status == PostStatus::Published ? PostAction::Publish
                                                                    : PostAction::MarkUnknown;
        QVERIFY(m_harness->settle(post->id, action, attempt));
    } else if (status == PostStatus::Cancelled) {
        QVERIFY(m_harness->seed().posts().cancel(post->id));
    }
    QVERIFY(showLoaded(post->id));
    const PostRow &row = panel().details()->row;
    QCOMPARE(row.post.status, status);
    QVERIFY(!row.actions.isEmpty());
    for (const PostAction action : userActions) {
        QPushButton *shown = button(action);
        QVERIFY2(shown, qPrintable(PostDetailsPanel::buttonName(action)));
        const bool allowed = row.actions.contains(action);
        QCOMPARE(shown->isVisibleTo(&panel()), allowed);
        QCOMPARE(shown->isEnabled(), allowed);
        if (!allowed) {
            QCOMPARE(shown->toolTip(), Lifecycle::whyNot(action, status, false));
        }
    }
    QVERIFY(panel().findChild<QPushButton *>(QStringLiteral("duplicateButton"))->isVisibleTo(&panel()));
}

void TestPostDetails::reviewActionsWhenApprovalIsRequired() {
    QVERIFY(start(true));
    auto post = m_harness->submitted();
    QVERIFY(post);
    QCOMPARE(post->status, PostStatus::InReview);
    QVERIFY(showLoaded(post->id));
    QCOMPARE(panel().details()->row.actions, Lifecycle::userActions(PostStatus::InReview, true));
    QVERIFY(button(PostAction::Approve)->isVisibleTo(&panel()));
    QVERIFY(button(PostAction::RequestChanges)->isVisibleTo(&panel()));
    QVERIFY(!button(PostAction::Schedule)->isVisibleTo(&panel()));
    QVERIFY(button(PostAction::Schedule)->toolTip().contains(u"once a reviewer approves"));

    button(PostAction::Approve)->click();
    QTRY_COMPARE(panel().details()->row.post.status, PostStatus::Approved);
    QVERIFY(button(PostAction::Schedule)->isVisibleTo(&panel()));
    QVERIFY(!button(PostAction::Approve)->isVisibleTo(&panel()));
}

void TestPostDetails::linkAppearsOnceThePostIsPublic() {
    auto post = m_harness->submitted();
    QVERIFY(post);
    QVERIFY(showLoaded(post->id));
    auto *link = panel().findChild<QLabel *>(QStringLiteral("tiktokLink"));
    QVERIFY(!link->isVisibleTo(&panel()));

    // A runner elsewhere publishes it; the panel follows the change.
    QVERIFY(m_harness->settle(
        post->id, PostAction::Publish,
        tiktokSaid(AttemptOutcome::Published, QString(), QString(), QStringLiteral("LOG9"), 200),
        [](StoredPost &published) { published.publicPostId = QStringLiteral("7312345678901234567"); }));
    QTRY_VERIFY(link->isVisibleTo(&panel()));
    const QString url = QStringLiteral("https://www.tiktok.com/@ana.makes/video/7312345678901234567");
    QCOMPARE(PostDetailsPanel::tiktokUrl(QStringLiteral("ana.makes"), QStringLiteral("7312345678901234567")),
             url);
    QVERIFY2(link->text().contains(u"href=\"" + url + u'"'), qPrintable(link->text()));
    QVERIFY(link->openExternalLinks());
    QCOMPARE(panel().findChild<QLabel *>(QStringLiteral("statusBadge"))->text(), QStringLiteral("Published"));
    QCOMPARE(panel().attemptsModel()->rowCount(), 1);
}

void TestPostDetails::scheduleDialogRoundTrip() {
    auto post = m_harness->draft();
    QVERIFY(post);
    QVERIFY(showLoaded(post->id));
    QVERIFY(button(PostAction::Schedule)->isVisibleTo(&panel()));
    button(PostAction::Schedule)->click();
    auto *dialog = panel().findChild<ScheduleDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *zones = dialog->findChild<QComboBox *>(QStringLiteral("scheduleTimeZoneCombo"));
    QCOMPARE(zones->currentText(), post->schedule.timeZone); // the post's zone by default
    QVERIFY(zones->findText(QStringLiteral("America/New_York")) >= 0);

    // A time in the past is refused inline; the dialog stays open to fix it.
    dialog->setTimeZone(QStringLiteral("America/New_York"));
    dialog->setLocalTime(QDateTime(QDate(2020, 6, 1), QTime(9, 30)));
    dialog->findChild<QPushButton *>(QStringLiteral("scheduleOkButton"))->click();
    auto *error = dialog->findChild<SeverityLabel *>(QStringLiteral("scheduleError"));
    QTRY_VERIFY(error->isVisibleTo(dialog));
    QVERIFY(!error->text().isEmpty());
    QVERIFY(dialog->isVisible());

    dialog->findChild<QDateTimeEdit *>(QStringLiteral("scheduleDateTimeEdit"))
        ->setDateTime(QDateTime(QDate(2030, 6, 1), QTime(9, 30), Qt::UTC));
    QCOMPARE(dialog->localTime(), QDateTime(QDate(2030, 6, 1), QTime(9, 30)));
    dialog->findChild<QPushButton *>(QStringLiteral("scheduleOkButton"))->click();
    QTRY_VERIFY(panel().findChild<ScheduleDialog *>() == nullptr); // accepted and gone
    QTRY_COMPARE(panel().details()->row.post.status, PostStatus::Scheduled);
    const PostSchedule &schedule = panel().details()->row.post.schedule;
    QCOMPARE(schedule.timeZone, QStringLiteral("America/New_York"));
    QCOMPARE(*schedule.atUtc, QDateTime(QDate(2030, 6, 1), QTime(13, 30), Qt::UTC));
    QVERIFY(panel().findChild<QLabel *>(QStringLiteral("timeValue"))->text().contains(u"America/New_York"));
    QCOMPARE(button(PostAction::Schedule)->text(), QStringLiteral("Reschedule…"));
}

void TestPostDetails::requestChangesAsksForAComment() {
    QVERIFY(start(true));
    auto post = m_harness->submitted();
    QVERIFY(post);
    QVERIFY(showLoaded(post->id));
    button(PostAction::RequestChanges)->click();
    auto *dialog = panel().findChild<CommentDialog *>();
    QVERIFY(dialog);
    auto *submit = dialog->findChild<QPushButton *>(QStringLiteral("submitCommentButton"));
    submit->click(); // no comment yet
    auto *error = dialog->findChild<SeverityLabel *>(QStringLiteral("commentError"));
    QTRY_VERIFY(error->isVisibleTo(dialog));
    QVERIFY2(error->text().contains(u"comment is required"), qPrintable(error->text()));
    QCOMPARE(panel().details()->row.post.status, PostStatus::InReview);

    QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("commentEdit")),
                     QStringLiteral("Shorter caption, please"));
    submit->click();
    QTRY_VERIFY(panel().findChild<CommentDialog *>() == nullptr);
    QTRY_COMPARE(panel().details()->row.post.status, PostStatus::ChangesRequested);
    const HistoryEntry &last = panel().historyModel()->entries().constLast();
    QCOMPARE(last.comment, QStringLiteral("Shorter caption, please"));
    QCOMPARE(last.actor, QStringLiteral("rita"));
    const int row = panel().historyModel()->rowCount() - 1;
    QCOMPARE(panel().historyModel()->index(row, PostHistoryModel::Comment).data().toString(),
             QStringLiteral("Shorter caption, please"));
    QCOMPARE(panel().historyModel()->index(row, PostHistoryModel::Change).data().toString(),
             QStringLiteral("In review → Changes requested"));
}

void TestPostDetails::duplicateAndDelete() {
    auto post = m_harness->draft(QStringLiteral("Copy me"));
    QVERIFY(post);
    QVERIFY(showLoaded(post->id));
    QSignalSpy duplicated(&panel(), &PostDetailsPanel::duplicated);
    panel().findChild<QPushButton *>(QStringLiteral("duplicateButton"))->click();
    QVERIFY(duplicated.wait(5000));
    const QString copy = duplicated.first().first().toString();
    QVERIFY(!copy.isEmpty() && copy != post->id);
    QCOMPARE(m_harness->seed().posts().repository().get(copy)->content.text, QStringLiteral("Copy me"));

    button(PostAction::Delete)->click();
    auto *confirm = panel().findChild<QWidget *>(QStringLiteral("confirmDeleteBox"));
    QVERIFY(confirm);
    confirm->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"))->click();
    QTRY_COMPARE(panel().findChild<QLabel *>(QStringLiteral("detailsPlaceholder"))->text(),
                 QStringLiteral("This post was deleted."));
    QVERIFY(!m_harness->seed().posts().repository().get(post->id));
}

void TestPostDetails::findingsShowTheirSeverity() {
    // A caption over TikTok's limit: an error; no creator info for acct-9: a warning.
    QString caption;
    for (int word = 0; word < 230; ++word) {
        caption += QStringLiteral("caption%1 ").arg(word % 100, 2, 10, QLatin1Char('0'));
    }
    auto post = m_harness->draft(caption, std::nullopt, QStringLiteral("acct-9"));
    QVERIFY(post);
    QVERIFY(showLoaded(post->id));
    auto *list = panel().findChild<QWidget *>(QStringLiteral("findingsList"));
    QVERIFY(list->isVisibleTo(&panel()));
    const auto findings = list->findChildren<SeverityLabel *>(QStringLiteral("finding"));
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings[0]->kind(), SeverityLabel::Kind::Error); // errors first
    QCOMPARE(findings[1]->kind(), SeverityLabel::Kind::Warning);
    QVERIFY(findings[0]->text().contains(u"caption is 2300 characters"));
    QVERIFY(findings[0]->accessibleName().startsWith(u"Error: "));
    QCOMPARE(panel().findChild<QLabel *>(QStringLiteral("accountValue"))->text(),
             QStringLiteral("acct-9 (not connected here)"));
    settleThumbnails();
    QVERIFY(panel().grab().save(screenshotPath(QStringLiteral("postdetails-draft-findings.png"))));
}

QTEST_MAIN(TestPostDetails)
#include "tst_postdetails.moc"
