#pragma once

#include "post/Post.h"
#include "post/StoredPost.h"

#include <QString>

// A post's settings and media in the words of the window, for details panels and list rows.
namespace cq::ui {

// "Comments on · Duet off · Stitch off"; a photo post has comments only.
QString interactionsLabel(const TikTokSettings &settings, bool photoPost);
// "Not disclosed", "Disclosed: your brand, branded content", "Disclosed (type not chosen)".
QString commercialLabel(const TikTokSettings &settings);
// "Yes, labelled as AI-generated" or "No".
QString aiGeneratedLabel(const TikTokSettings &settings);
// "Onto the profile" or "To the creator's TikTok drafts (inbox)".
QString postModeLabel(const TikTokSettings &settings);
// A media item's one-line name under its thumbnail: "Video · 0:24", "Photo 3".
QString mediaShortLabel(const StoredMedia &media, int index);
// Everything known about a media item: "video/mp4 · 1080×1920 · 24.0 s · 30 fps · 18.4 MB".
QString mediaSummary(const MediaDescriptor &media);
// The caption on one line, shortened to `maxCharacters` without splitting an emoji: for lists.
QString captionPreview(const QString &caption, int maxCharacters);

} // namespace cq::ui
