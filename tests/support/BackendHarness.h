#pragma once

#include "post/Post.h"
#include "post/StoredPost.h"
#include "session/Backend.h"
#include "session/Session.h"

#include <QTemporaryDir>

#include <expected>
#include <functional>
#include <memory>

namespace cq::test {

// What a page test runs against: a real Backend (its own worker thread and database connection) on
// a fresh data directory, and a second Session on the same database that seeds posts and moves them
// on as another process would (the CLI, a runner): the Backend learns of those changes by polling,
// just as the app does.
class BackendHarness {
public:
    struct Options {
        bool approvalRequired = false;
        QString reviewer = QStringLiteral("rita"); // the Backend's actor
        QString author = QStringLiteral("ana");    // the seeding session's actor
        // Connected accounts (id, username), the first the default, with creator info allowing every
        // privacy level: made before the Backend starts, so that it lists them.
        QList<std::pair<QString, QString>> accounts{{QStringLiteral("acct-1"), QStringLiteral("ana.makes")}};
    };

    BackendHarness();
    explicit BackendHarness(Options options);
    ~BackendHarness();

    // Opens the seeding session, then starts the Backend (not publishing, polling every 50 ms) and
    // waits until it is ready. False with the reason in why() otherwise.
    bool start();
    const QString &why() const { return m_why; }

    Backend &backend() { return m_backend; }
    Session &seed() { return *m_seed; }
    QString dataDirectory() const { return m_dir.path(); }

    // A draft of validVideoPost() with `caption` for `account`, at `at` (nullopt: as soon as possible).
    std::expected<StoredPost, Error> draft(const QString &caption = QStringLiteral("Launch day #launch"),
                                           const std::optional<QDateTime> &at = std::nullopt,
                                           const QString &account = QStringLiteral("acct-1"));
    // A draft submitted: in review with approval required, else scheduled.
    std::expected<StoredPost, Error> submitted(const QString &caption = QStringLiteral("Launch day #launch"),
                                               const std::optional<QDateTime> &at = std::nullopt,
                                               const QString &account = QStringLiteral("acct-1"));
    // Claims scheduled post `id` as runner "runner-1" and settles the attempt: `action` is Fail,
    // Publish or MarkUnknown, with `attempt`'s outcome and TikTok's answer.
    std::expected<StoredPost, Error> settle(const QString &id, PostAction action, PublishAttempt attempt,
                                            const std::function<void(StoredPost &)> &change = {});

private:
    bool addAccount(const QString &id, const QString &username, bool isDefault);

    Options m_options;
    QTemporaryDir m_dir;
    QString m_why;
    std::unique_ptr<Session> m_seed;
    Backend m_backend;
};

} // namespace cq::test
