#pragma once

#include "publish/Publisher.h"

#include <QHash>
#include <QMutex>

#include <functional>

namespace cq::test {

// Counts publish() calls per post across every publisher that shares it (several runners).
class PublishLedger {
public:
    void record(const QString &postId, const QString &publishIdSeen);
    int count(const QString &postId) const;
    int total() const;
    QHash<QString, int> counts() const;
    QString publishIdSeen(const QString &postId) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, int> m_counts;
    QHash<QString, QString> m_publishIdSeen;
};

// A Publisher whose outcome per post is scripted by the test. Publishing finishes on the next
// event-loop turn (or never, with Hang), after announcing a publish id.
class ScriptedPublisher final : public Publisher {
    Q_OBJECT

public:
    enum class Script { Publish, Fail, Unknown, Hang, ProcessThenPublish };
    explicit ScriptedPublisher(PublishLedger &ledger, QObject *parent = nullptr);

    void setDefault(Script script) { m_default = script; }
    void setScript(const QString &postId, Script script) { m_scripts.insert(postId, script); }
    // Checked for every post handed over (e.g. that its stored media exists).
    std::function<void(const StoredPost &)> inspect;

    void publish(const StoredPost &post) override;

private:
    PublishLedger &m_ledger;
    Script m_default = Script::Publish;
    QHash<QString, Script> m_scripts;
};

} // namespace cq::test
