#pragma once

#include "media/MediaDescriptor.h"
#include "post/CreatorInfo.h"
#include "post/Finding.h"
#include "post/Post.h"
#include "util/Error.h"

#include <QDateTime>

#include <optional>

namespace cq {

// What reading one media item of a post found: the probed descriptor of a local file, or why it
// could not be read. Remote media is not probed here (it is downloaded at post creation), so both
// are empty and the declared values are checked.
struct MediaCheck {
    std::optional<MediaDescriptor> probed;
    std::optional<Error> error;
};

// What the database says about the account set a post names (platformSetId).
struct AccountSetCheck {
    bool known = false;
    QString name;
    int accountCount = 0;
    QString firstAccountId; // whose creator limits the post is checked against
};

// Another post of the same account with the same media bytes (sha256), queued or published.
struct DuplicateMedia {
    int mediaIndex = 0; // which item of the post being checked
    QString otherPostId;
    QString otherStatus;  // its status name: "scheduled", "published"...
    QString otherCaption; // how people know it; may be empty
};

struct ValidationContext {
    QDateTime now;
    std::optional<CreatorInfo> creator; // nullopt: creator limits unknown
    bool requireAccounts = false;       // at submit or schedule time
    bool hasDefaultAccount = false;
    std::optional<QDateTime> tokenFreshUntil; // how far ahead a post can still be published
    // Whether this machine has a photo host that TikTok can pull photos from; nullopt: not known here
    // (another machine may publish the post).
    std::optional<bool> photoHostConfigured;
    // The set of the post's platformSetId as looked up; nullopt: not looked up (no database), so
    // an unknown or empty set is not reported.
    std::optional<AccountSetCheck> accountSet;
    QList<DuplicateMedia> duplicates; // filled from storage by callers that have it
};

// The effective descriptor of item `index`: the probed values where there are any, else the declared.
MediaDescriptor effectiveMedia(const Post &post, const QList<MediaCheck> &checks, qsizetype index);

// Whether the post is a photo post (any photo, no video, by effective media): its caption limit
// and the interactions it allows follow from that.
bool isPhotoPost(const Post &post, const QList<MediaCheck> &checks);
// The caption (video title or photo description) limit in UTF-16 code units.
int captionLimitUtf16(bool photoPost);

// Checks a post against TikTok's rules and the creator's limits (docs/validation.md). Pure: no
// files, network or clock are touched, so it runs live in the composer on every keystroke.
// `checks` is parallel to post.media; missing entries mean "not probed".
QList<Finding> validatePost(const Post &post, const QList<MediaCheck> &checks,
                            const ValidationContext &context);

} // namespace cq
