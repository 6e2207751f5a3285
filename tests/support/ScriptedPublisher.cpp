#include "ScriptedPublisher.h"

#include <QTimer>

namespace cq::test {

void PublishLedger::record(const QString &postId, const QString &publishIdSeen) {
    QMutexLocker lock(&m_mutex);
    m_counts[postId] += 1;
    m_publishIdSeen.insert(postId, publishIdSeen);
}

int PublishLedger::count(const QString &postId) const {
    QMutexLocker lock(&m_mutex);
    return m_counts.value(postId);
}

int PublishLedger::total() const {
    QMutexLocker lock(&m_mutex);
    int sum = 0;
    for (const int value : m_counts) {
        sum += value;
    }
    return sum;
}

QHash<QString, int> PublishLedger::counts() const {
    QMutexLocker lock(&m_mutex);
    return m_counts;
}

QString PublishLedger::publishIdSeen(const QString &postId) const {
    QMutexLocker lock(&m_mutex);
    return m_publishIdSeen.value(postId);
}

ScriptedPublisher::ScriptedPublisher(PublishLedger &ledger, QObject *parent)
    : Publisher(parent)
    , m_ledger(ledger) {
}

void ScriptedPublisher::publish(const StoredPost &post) {
    m_ledger.record(post.id, post.publishId);
    if (inspect) {
        inspect(post);
    }
    const Script script = m_scripts.value(post.id, m_default);
    const QString postId = post.id;
    const QString publishId = post.publishId.isEmpty() ? u"v_pub_" + post.id.left(8) : post.publishId;
    QTimer::singleShot(0, this, [this, postId, publishId, script] {
        Q_EMIT publishIdAssigned(postId, publishId);
        PublishResult result;
        result.publishId = publishId;
        switch (script) {
        case Script::Hang:
            return;
        case Script::ProcessThenPublish:
            Q_EMIT processing(postId);
            result.outcome = PublishResult::Outcome::Published;
            break;
        case Script::Publish:
            result.outcome = PublishResult::Outcome::Published;
            break;
        case Script::Fail:
            result.outcome = PublishResult::Outcome::Failed;
            result.errorCode = QStringLiteral("spam_risk_too_many_posts");
            result.errorMessage = QStringLiteral("The daily post cap is reached.");
            result.logId = QStringLiteral("202611250000000000ABCDEF");
            result.httpStatus = 403;
            break;
        case Script::Unknown:
            result.outcome = PublishResult::Outcome::Unknown;
            result.errorMessage = QStringLiteral("The connection dropped after the last chunk.");
            break;
        }
        Q_EMIT finished(postId, result);
    });
}

} // namespace cq::test
