#include "BackendHarness.h"

#include "StoreFixture.h"
#include "storage/AccountRepository.h"

#include <QSignalSpy>
#include <QUuid>

namespace cq::test {

BackendHarness::BackendHarness()
    : BackendHarness(Options{}) {
}

BackendHarness::BackendHarness(Options options)
    : m_options(std::move(options)) {
}

BackendHarness::~BackendHarness() {
    m_backend.stop();
}

bool BackendHarness::start() {
    qputenv("CLIPQUEUE_DATA_DIR", m_dir.path().toUtf8());
    qputenv("CLIPQUEUE_TOKEN_STORE", "file");
    qunsetenv("CLIPQUEUE_DATABASE_URL");
    qputenv("CLIPQUEUE_PROFILE_NAME", m_options.author.toUtf8());
    auto seed = Session::open();
    if (!seed) {
        m_why = seed.error().message;
        return false;
    }
    m_seed = std::move(*seed);
    auto approval = WorkspaceSettings(m_seed->database())
                        .set(QStringLiteral("approval_required"),
                             m_options.approvalRequired ? QStringLiteral("true") : QStringLiteral("false"));
    if (!approval) {
        m_why = approval.error().message;
        return false;
    }
    for (const auto &[id, username] : std::as_const(m_options.accounts)) {
        if (!addAccount(id, username, id == m_options.accounts.first().first)) {
            m_why = u"Account " + id + u" not added.";
            return false;
        }
    }
    // The Backend's session reads the environment on its own thread, after this.
    qputenv("CLIPQUEUE_PROFILE_NAME", m_options.reviewer.toUtf8());
    QSignalSpy ready(&m_backend, &Backend::ready);
    QSignalSpy failed(&m_backend, &Backend::failedToStart);
    m_backend.start(
        {.publish = false, .pollInterval = std::chrono::milliseconds(50), .publisherFactory = {}});
    for (int waited = 0; ready.isEmpty() && failed.isEmpty() && waited < 100; ++waited) {
        ready.wait(100);
    }
    if (ready.isEmpty()) {
        m_why = failed.isEmpty() ? QStringLiteral("the backend did not start")
                                 : failed.first().first().toString();
        return false;
    }
    return true;
}

bool BackendHarness::addAccount(const QString &id, const QString &username, bool isDefault) {
    AccountRepository accounts(m_seed->database());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Account account{id, u"open-" + id, username, isDefault, now.addDays(1), now.addDays(365)};
    CreatorInfo creator;
    creator.username = username;
    creator.nickname = username;
    creator.privacyLevelOptions = privacy::allLevels();
    return accounts.insert(account, now) && accounts.storeCreatorInfo(id, creator, now);
}

std::expected<StoredPost, Error>
BackendHarness::draft(const QString &caption, const std::optional<QDateTime> &at, const QString &account) {
    Post post = validVideoPost();
    post.text = caption;
    post.accounts = {account};
    post.scheduledFor = at;
    auto created = m_seed->importer().create(post, QString(), false);
    if (!created) {
        return std::unexpected(created.error());
    }
    return created->post;
}

std::expected<StoredPost, Error> BackendHarness::submitted(const QString &caption,
                                                           const std::optional<QDateTime> &at,
                                                           const QString &account) {
    auto made = draft(caption, at, account);
    return made ? m_seed->posts().submit(made->id) : made;
}

std::expected<StoredPost, Error> BackendHarness::settle(const QString &id, PostAction action,
                                                        PublishAttempt attempt,
                                                        const std::function<void(StoredPost &)> &change) {
    PostLifecycle &posts = m_seed->posts();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto claimed = posts.claim(id, PostStatus::Scheduled, QStringLiteral("runner-1"), now.addSecs(60), {});
    if (!claimed || !*claimed) {
        return std::unexpected(claimed ? Error{ErrorCode::Conflict, QStringLiteral("not claimed")}
                                       : claimed.error());
    }
    attempt.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    attempt.postId = id;
    attempt.runner = QStringLiteral("runner-1");
    attempt.startedAt = now.addSecs(-5);
    attempt.finishedAt = now;
    const QString comment =
        attempt.errorCode.isEmpty() ? QString() : attempt.errorCode + u": " + attempt.errorMessage;
    return posts.settle(attempt, action, comment, change);
}

} // namespace cq::test
