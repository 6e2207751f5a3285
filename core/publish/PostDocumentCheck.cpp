#include "publish/PostDocumentCheck.h"

#include "media/MediaProber.h"
#include "post/PostMediaCheck.h"
#include "publish/AccountSets.h"
#include "util/Clock.h"

namespace cq {

PostDocumentCheck::PostDocumentCheck(const Database *database, QDateTime now)
    : m_database(database)
    , m_now(std::move(now)) {
}

PostDocumentCheck::Result PostDocumentCheck::check(const std::expected<ParsedPost, Error> &parsed,
                                                   const QString &documentName, const QString &baseDirectory,
                                                   const std::optional<CreatorInfo> &creator) const {
    Result result;
    if (!parsed) {
        const FindingCode code = parsed.error().code == ErrorCode::JsonMalformed
                                     ? FindingCode::PostJsonMalformed
                                     : FindingCode::PostJsonInvalid;
        const QString prefix = documentName.isEmpty() ? QString() : documentName + u": ";
        result.findings.append({Severity::Error, code, QString(), prefix + parsed.error().message});
        return result;
    }
    const Post &post = parsed->post;
    ValidationContext context;
    context.now = m_now;
    context.creator = creator;
    if (m_database) {
        // Lookups that fail leave the checks out (as without a database) rather than the findings.
        const SystemClock clock; // AccountSets writes nothing here, so no clock is read
        if (auto set = AccountSets(*m_database, clock).check(post); set) {
            context.accountSet = *set;
        }
        // The post's first account: its set's first one, else the first listed, else the default.
        result.cachedFor = post.accounts.isEmpty() ? QString() : post.accounts.constFirst();
        if (context.accountSet && !context.accountSet->firstAccountId.isEmpty()) {
            result.cachedFor = context.accountSet->firstAccountId;
        }
        if (!context.creator) {
            if (auto cached = AccountRepository(*m_database).creatorInfo(result.cachedFor);
                cached && *cached) {
                result.cachedCreator = **cached;
                context.creator = (*cached)->info;
            }
        }
    }
    const QList<MediaCheck> checks = checkPostMedia(post, MediaProber(), baseDirectory);
    result.findings = parsed->warnings + validatePost(post, checks, context);
    return result;
}

} // namespace cq
