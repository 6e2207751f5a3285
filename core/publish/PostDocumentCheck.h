#pragma once

#include "post/PostJson.h"
#include "post/PostValidator.h"
#include "storage/AccountRepository.h"
#include "storage/Database.h"

#include <QDateTime>

#include <expected>
#include <optional>

namespace cq {

// Findings for a post in the JSON contract that is not stored yet (clipqueue-cli validate, the MCP
// posts_validate tool): a document that cannot be read is a finding too, local media is probed,
// and, when a database is at hand, the creator info cached for the post's first account (or the
// default account) and the account set it names are checked.
class PostDocumentCheck {
public:
    // `database` may be null: then creator limits are checked only against `creator` and account
    // sets are not looked up.
    PostDocumentCheck(const Database *database, QDateTime now);

    struct Result {
        QList<Finding> findings;
        // The cached creator info that was used, and the account it belongs to ("" : the default).
        std::optional<StoredCreatorInfo> cachedCreator;
        QString cachedFor;
    };
    // `documentName` prefixes messages about the document itself ("post.json: ..."); relative media
    // paths are read from `baseDirectory`. `creator` (TikTok's answer given by the caller) wins over
    // the cached info.
    Result check(const std::expected<ParsedPost, Error> &parsed, const QString &documentName,
                 const QString &baseDirectory, const std::optional<CreatorInfo> &creator) const;

private:
    const Database *m_database;
    QDateTime m_now;
};

} // namespace cq
