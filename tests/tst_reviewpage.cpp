// The review page: posts waiting for review listed live, approve and request changes round trips
// through a real Backend, the required comment said inline, and the keyboard flow from one post to
// the next.
#include "BackendHarness.h"
#include "TestFixtures.h"
#include "common/SeverityLabel.h"
#include "common/StoredThumbnails.h"
#include "queue/PostDetailsPanel.h"
#include "review/ReviewListModel.h"
#include "review/ReviewPage.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>

using namespace cq;
using namespace cq::ui;
using namespace cq::test;

class TestReviewPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyStateSaysNothingToReview();
    void approveRoundTripSelectsTheNextPost();
    void requestChangesPutsTheCommentInTheHistory();
    void emptyCommentIsRefusedInline();
    void keyboardFlow();
    void postsEnterAndLeaveLive();

private:
    // Seeds `captions` as posts in review, then opens the page on them.
    void openWith(const QStringList &captions);
    ReviewPage &page() { return *m_page; }
    QString captionOfCurrent() const;
    PostStatus statusOf(const QString &id);

    std::unique_ptr<BackendHarness> m_harness;
    std::unique_ptr<ReviewPage> m_page;
    std::unique_ptr<QSignalSpy> m_counts;
    QStringList m_ids;
};

void TestReviewPage::init() {
    m_harness = std::make_unique<BackendHarness>(BackendHarness::Options{.approvalRequired = true});
    QVERIFY2(m_harness->start(), qPrintable(m_harness->why()));
    m_ids.clear();
}

void TestReviewPage::cleanup() {
    m_counts.reset();
    m_page.reset();
    m_harness.reset();
}

void TestReviewPage::openWith(const QStringList &captions) {
    // An hour apart, in the order given: the queue order of the list.
    const QDateTime first = QDateTime::currentDateTimeUtc().addDays(1);
    for (const QString &caption : captions) {
        auto post = m_harness->submitted(caption, first.addSecs(3600 * m_ids.size()));
        QVERIFY2(post, post ? "" : qPrintable(post.error().message));
        QCOMPARE(post->status, PostStatus::InReview);
        m_ids << post->id;
    }
    m_page = std::make_unique<ReviewPage>(m_harness->backend());
    m_counts = std::make_unique<QSignalSpy>(m_page.get(), &ReviewPage::countChanged);
    new QAbstractItemModelTester(page().model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_page.get());
    page().resize(1100, 760);
    page().show();
    QVERIFY(QTest::qWaitForWindowActive(&page()));
    QTRY_COMPARE(page().count(), int(captions.size()));
    QTRY_VERIFY(!m_counts->isEmpty());
    QCOMPARE(m_counts->constLast().first().toInt(), int(captions.size()));
}

QString TestReviewPage::captionOfCurrent() const {
    const int row = m_page->model()->rowOf(m_page->currentPostId());
    return row < 0 ? QString() : m_page->model()->rowAt(row).post.content.text;
}

PostStatus TestReviewPage::statusOf(const QString &id) {
    return m_harness->seed().posts().repository().get(id)->status;
}

void TestReviewPage::emptyStateSaysNothingToReview() {
    openWith({});
    auto *empty = page().findChild<QLabel *>(QStringLiteral("emptyState"));
    QTRY_VERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(u"Nothing to review"));
    QCOMPARE(m_counts->constLast().first().toInt(), 0);
}

void TestReviewPage::approveRoundTripSelectsTheNextPost() {
    openWith({QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three")});
    QCOMPARE(page().currentPostId(), m_ids[0]);
    QTRY_COMPARE(page().detailsPanel()->postId(), m_ids[0]);
    QTRY_VERIFY(page().detailsPanel()->details().has_value());
    // A post for an account this computer has no creator info for: the list counts its warning.
    auto unknownCreator =
        m_harness->submitted(QStringLiteral("For the other account, with a caption long enough "
                                            "to be shortened in the list 🎉"),
                             QDateTime::currentDateTimeUtc().addDays(2), QStringLiteral("acct-9"));
    QVERIFY(unknownCreator);
    QTRY_COMPARE(page().count(), 4);
    const int warned = page().model()->rowOf(unknownCreator->id);
    QCOMPARE(page().model()->index(warned).data(ReviewListModel::WarningCountRole).toInt(), 1);
    QCOMPARE(page().model()->index(warned).data(ReviewListModel::FindingsRole).toString(),
             QStringLiteral("1 warning"));
    QTRY_COMPARE(StoredThumbnails::of(m_harness->backend()).pending(), 0); // decoded off the GUI thread
    QTest::qWait(100);
    QVERIFY(page().grab().save(screenshotPath(QStringLiteral("reviewpage.png"))));

    page().findChild<QPushButton *>(QStringLiteral("reviewApproveButton"))->click();
    QTRY_COMPARE(page().count(), 3);
    QCOMPARE(statusOf(m_ids[0]), PostStatus::Approved);
    QCOMPARE(page().currentPostId(), m_ids[1]); // the next post, selected
    QCOMPARE(m_counts->constLast().first().toInt(), 3);
    auto *message = page().findChild<SeverityLabel *>(QStringLiteral("reviewMessage"));
    QTRY_VERIFY(message->isVisibleTo(&page()));
    QCOMPARE(message->text(), QStringLiteral("Approved “One”."));
    QCOMPARE(m_harness->seed().posts().repository().history(m_ids[0])->constLast().actor,
             QStringLiteral("rita"));
}

void TestReviewPage::requestChangesPutsTheCommentInTheHistory() {
    openWith({QStringLiteral("One"), QStringLiteral("Two")});
    page().selectPost(m_ids[1]);
    QTest::keyClicks(page().findChild<QPlainTextEdit *>(QStringLiteral("reviewComment")),
                     QStringLiteral("The hook needs to land in the first second."));
    page().findChild<QPushButton *>(QStringLiteral("reviewRequestChangesButton"))->click();
    QTRY_COMPARE(page().count(), 1);
    QCOMPARE(statusOf(m_ids[1]), PostStatus::ChangesRequested);
    const HistoryEntry last = m_harness->seed().posts().repository().history(m_ids[1])->constLast();
    QCOMPARE(last.comment, QStringLiteral("The hook needs to land in the first second."));
    QCOMPARE(last.actor, QStringLiteral("rita"));
    QCOMPARE(last.to, PostStatus::ChangesRequested);
    QCOMPARE(page().currentPostId(), m_ids[0]); // the last row went: the one before it takes its place
    QVERIFY(page().findChild<QPlainTextEdit *>(QStringLiteral("reviewComment"))->toPlainText().isEmpty());
}

void TestReviewPage::emptyCommentIsRefusedInline() {
    openWith({QStringLiteral("One")});
    auto *message = page().findChild<SeverityLabel *>(QStringLiteral("reviewMessage"));
    QVERIFY(!message->isVisibleTo(&page()));
    page().findChild<QPushButton *>(QStringLiteral("reviewRequestChangesButton"))->click();
    QTRY_VERIFY(message->isVisibleTo(&page()));
    QCOMPARE(message->kind(), SeverityLabel::Kind::Error);
    QVERIFY2(message->text().contains(u"comment is required"), qPrintable(message->text()));
    QVERIFY(page().findChild<QPlainTextEdit *>(QStringLiteral("reviewComment"))->hasFocus());
    QCOMPARE(page().count(), 1);
    QCOMPARE(statusOf(m_ids[0]), PostStatus::InReview);
    QVERIFY(page().grab().save(screenshotPath(QStringLiteral("reviewpage-comment-required.png"))));
}

void TestReviewPage::keyboardFlow() {
    openWith({QStringLiteral("One"), QStringLiteral("Two"), QStringLiteral("Three")});
    auto *list = page().findChild<QListView *>(QStringLiteral("reviewList"));
    list->setFocus();
    QCOMPARE(captionOfCurrent(), QStringLiteral("One"));
    QTest::keyClick(list, Qt::Key_J);
    QCOMPARE(captionOfCurrent(), QStringLiteral("Two"));
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(captionOfCurrent(), QStringLiteral("Three"));
    QTest::keyClick(list, Qt::Key_K);
    QTest::keyClick(list, Qt::Key_Up);
    QCOMPARE(captionOfCurrent(), QStringLiteral("One"));

    QTest::keyClick(list, Qt::Key_A); // approve; the next post comes up
    QTRY_COMPARE(page().count(), 2);
    QCOMPARE(statusOf(m_ids[0]), PostStatus::Approved);
    QCOMPARE(captionOfCurrent(), QStringLiteral("Two"));
    QTRY_VERIFY(list->hasFocus());

    QTest::keyClick(list, Qt::Key_R); // write the comment
    auto *comment = page().findChild<QPlainTextEdit *>(QStringLiteral("reviewComment"));
    QVERIFY(comment->hasFocus());
    QTest::keyClicks(comment, QStringLiteral("Add captions"));
    QCOMPARE(comment->toPlainText(), QStringLiteral("Add captions")); // letters type, not act
    QCOMPARE(page().count(), 2);
    QTest::keyClick(comment, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(page().count(), 1);
    QCOMPARE(statusOf(m_ids[1]), PostStatus::ChangesRequested);
    QCOMPARE(m_harness->seed().posts().repository().history(m_ids[1])->constLast().comment,
             QStringLiteral("Add captions"));
    QCOMPARE(captionOfCurrent(), QStringLiteral("Three"));

    QTRY_VERIFY(list->hasFocus());
    QTest::keyClick(list, Qt::Key_Return, Qt::ControlModifier); // approve with Ctrl+Return
    QTRY_COMPARE(page().count(), 0);
    QCOMPARE(statusOf(m_ids[2]), PostStatus::Approved);
    QTRY_VERIFY(page().findChild<QLabel *>(QStringLiteral("emptyState"))->isVisible());
    QCOMPARE(m_counts->constLast().first().toInt(), 0);
}

void TestReviewPage::postsEnterAndLeaveLive() {
    openWith({QStringLiteral("Two")});
    // An author submits a post due sooner: it comes in, in queue order.
    auto arriving =
        m_harness->submitted(QStringLiteral("Arriving"), QDateTime::currentDateTimeUtc().addSecs(7200));
    QVERIFY(arriving);
    QTRY_COMPARE(page().count(), 2);
    QCOMPARE(m_counts->constLast().first().toInt(), 2);
    QCOMPARE(page().model()->rowOf(arriving->id), 0);
    QCOMPARE(page().currentPostId(), m_ids[0]); // the selection stays where the reviewer is

    // Someone else approves the selected one: it leaves and the other is selected.
    QVERIFY(m_harness->seed().posts().approve(m_ids[0], QString()));
    QTRY_COMPARE(page().count(), 1);
    QCOMPARE(page().currentPostId(), arriving->id);
    QCOMPARE(m_counts->constLast().first().toInt(), 1);
}

QTEST_MAIN(TestReviewPage)
#include "tst_reviewpage.moc"
