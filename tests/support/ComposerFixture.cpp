#include "ComposerFixture.h"

#include "composer/FindingsModel.h"
#include "composer/MediaListModel.h"
#include "composer/MediaProbeQueue.h"
#include "publish/WorkspaceSettings.h"
#include "session/Session.h"

#include <QApplication>
#include <QMimeData>
#include <QTest>

namespace cq::test {

SeedAccount seedAccount(const QString &id, const QString &name, bool isDefault,
                        std::optional<CreatorInfo> creator, const QDateTime &refreshExpiresAt) {
    Account account;
    account.id = id;
    account.openId = u"open-" + id;
    account.displayName = name;
    account.isDefault = isDefault;
    account.accessExpiresAt = QDateTime::currentDateTimeUtc().addDays(1);
    account.refreshExpiresAt =
        refreshExpiresAt.isValid() ? refreshExpiresAt : QDateTime::currentDateTimeUtc().addDays(365);
    return {account, std::move(creator)};
}

void ComposerFixture::reset() {
    mediaTester.reset();
    findingsTester.reset();
    page.reset();
    backend.reset();
    dataDir.reset();
}

void ComposerFixture::seedDataDirectory(const ComposerSeed &seed) {
    auto session = Session::open();
    QVERIFY2(session, session ? "" : qPrintable(session.error().message));
    AccountRepository accounts((*session)->database());
    for (const SeedAccount &seeded : seed.accounts) {
        QVERIFY(accounts.insert(seeded.account, QDateTime::currentDateTimeUtc()));
        if (seeded.creator) {
            QVERIFY(accounts.storeCreatorInfo(seeded.account.id, *seeded.creator,
                                              QDateTime::currentDateTimeUtc()));
        }
    }
    WorkspaceSettings settings((*session)->database());
    QVERIFY(settings.set(QString::fromLatin1(settings::ApprovalRequired),
                         seed.approvalRequired ? QStringLiteral("true") : QStringLiteral("false")));
    QVERIFY(settings.set(QString::fromLatin1(settings::DefaultTimeZone), QStringLiteral("Europe/Berlin")));
}

void ComposerFixture::start(const ComposerSeed &seed, int columns, int lines) {
    reset();
    dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(dataDir->isValid());
    qputenv("CLIPQUEUE_DATA_DIR", dataDir->path().toUtf8());
    qputenv("CLIPQUEUE_TOKEN_STORE", "file");
    seedDataDirectory(seed);
    if (QTest::currentTestFailed()) {
        return;
    }
    backend = std::make_unique<Backend>();
    Backend::Options options;
    options.publish = false;
    backend->start(options);
    QTRY_VERIFY_WITH_TIMEOUT(backend->isReady(), 10000);

    page = std::make_unique<ui::ComposerPage>(*backend, prober);
    mediaTester = std::make_unique<QAbstractItemModelTester>(page->mediaModel());
    findingsTester = std::make_unique<QAbstractItemModelTester>(page->findingsModel());
    page->resize(page->fontMetrics().averageCharWidth() * columns, page->fontMetrics().height() * lines);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
}

void ComposerFixture::drop(const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths) {
        urls << QUrl::fromLocalFile(path);
    }
    mime.setUrls(urls);
    const QPoint where = page->rect().center();
    QDragEnterEvent enter(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(page.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(where, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    dropped.setAccepted(false);
    QApplication::sendEvent(page.get(), &dropped);
    QVERIFY(dropped.isAccepted());
}

void ComposerFixture::waitForProbes() {
    QTRY_COMPARE_WITH_TIMEOUT(page->probeQueue()->pending(), 0, 30000); // two shared cores
    QTRY_VERIFY_WITH_TIMEOUT(!page->mediaModel()->isProbing(), 30000);
    QCoreApplication::processEvents(); // the revalidation that follows the last probe
}

} // namespace cq::test
