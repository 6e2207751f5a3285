#pragma once

#include <QWidget>

#include "session/Backend.h"

class QLabel;

namespace cq::ui {

// Whom the post goes out as, as TikTok's rules ask: the creator's avatar and nickname (@username)
// from TikTok's creator info, and on a line below whether that creator can post now: TikTok's own
// reason when it said the creator cannot, or that its creator info has not arrived yet.
class CreatorHeader : public QWidget {
    Q_OBJECT

public:
    explicit CreatorHeader(QWidget *parent = nullptr);

    // `account` nullptr: no account (the header hides). `cannotPost`: the validator's message when
    // TikTok said the creator cannot post now, else empty. `asking`: its creator info is being
    // fetched from TikTok now.
    void setAccount(const AccountSummary *account, const QString &cannotPost, bool asking = false);
    QString statusText() const;

private:
    QLabel *m_avatar;
    QLabel *m_name;
    QLabel *m_status;
};

} // namespace cq::ui
