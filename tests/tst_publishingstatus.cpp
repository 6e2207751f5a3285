// The status-bar line for background publishing: which post, how far, how it ended.
#include "shell/PublishingStatusWidget.h"

#include <QTest>

using namespace cq;
using namespace cq::ui;

class TestPublishingStatus : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void showsWhichPostAndHowFar();
    void outcomesHideTheBar_data();
    void outcomesHideTheBar();
    void longCaptionsAreShortenedWithoutBreakingEmoji();
};

void TestPublishingStatus::showsWhichPostAndHowFar() {
    PublishingStatusWidget status;
    QCOMPARE(status.progressPercent(), -1);
    status.showUploadProgress(QStringLiteral("p1"), QStringLiteral("Launch day 🚀 #launch"), 450'000'000,
                              1'000'000'000);
    QCOMPARE(status.progressPercent(), 45);
    QCOMPARE(status.text(), QStringLiteral("Uploading “Launch day 🚀 #launch”: 450.0 MB of 1.0 GB"));
    status.showUploadProgress(QStringLiteral("p1"), QString(), 1'000'000'000, 1'000'000'000);
    QCOMPARE(status.progressPercent(), 100);
    QVERIFY(status.text().startsWith(u"Uploading a post without caption"));
}

void TestPublishingStatus::outcomesHideTheBar_data() {
    QTest::addColumn<PostStatus>("status");
    QTest::addColumn<QString>("text");
    QTest::newRow("published") << PostStatus::Published << QStringLiteral("“Hi” is published on TikTok.");
    QTest::newRow("failed") << PostStatus::Failed
                            << QStringLiteral("“Hi” failed to publish; its attempt log says why.");
    QTest::newRow("unknown outcome")
        << PostStatus::NeedsAttention
        << QStringLiteral("“Hi” needs your attention: check the account in TikTok before retrying.");
}

void TestPublishingStatus::outcomesHideTheBar() {
    QFETCH(PostStatus, status);
    QFETCH(QString, text);
    PublishingStatusWidget widget;
    widget.showUploadProgress(QStringLiteral("p1"), QStringLiteral("Hi"), 1, 2);
    widget.showSettled(QStringLiteral("p1"), QStringLiteral("Hi"), status);
    QCOMPARE(widget.progressPercent(), -1);
    QCOMPARE(widget.text(), text);
}

void TestPublishingStatus::longCaptionsAreShortenedWithoutBreakingEmoji() {
    const QString caption = QString(39, u'a') + QStringLiteral("🎬 and much more after it");
    const QString name = PublishingStatusWidget::postName(caption);
    QCOMPARE(name, u'“' + QString(39, u'a') + u"…”");
    QCOMPARE(PublishingStatusWidget::postName(QStringLiteral("  two\nlines ")),
             QStringLiteral("“two lines”"));
}

QTEST_MAIN(TestPublishingStatus)
#include "tst_publishingstatus.moc"
