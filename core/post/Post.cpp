#include "post/Post.h"

#include <algorithm>

namespace cq {

QStringList privacy::allLevels() {
    return {QString::fromLatin1(PublicToEveryone), QString::fromLatin1(MutualFollowFriends),
            QString::fromLatin1(FollowerOfCreator), QString::fromLatin1(SelfOnly)};
}

int Post::videoCount() const {
    return int(
        std::count_if(media.cbegin(), media.cend(), [](const MediaDescriptor &m) { return m.isVideo(); }));
}

int Post::photoCount() const {
    return int(
        std::count_if(media.cbegin(), media.cend(), [](const MediaDescriptor &m) { return m.isPhoto(); }));
}

} // namespace cq
