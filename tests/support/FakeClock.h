#pragma once

#include "util/Clock.h"

#include <QElapsedTimer>
#include <QMutex>

namespace cq::test {

// A clock that tests move by hand. Time also flows with real time (so QTimer-driven code sees
// progress), unless frozen. advanceWall() moves only the wall clock, as a clock change or resume
// from sleep does; advance() moves both.
class FakeClock final : public Clock {
public:
    explicit FakeClock(const QDateTime &start, bool flowing = false)
        : m_start(start)
        , m_flowing(flowing) {
        m_real.start();
    }

    QDateTime nowUtc() const override {
        QMutexLocker lock(&m_mutex);
        return m_start.addMSecs(m_wallOffsetMs + (m_flowing ? m_real.elapsed() : 0)).toUTC();
    }
    qint64 monotonicMs() const override {
        QMutexLocker lock(&m_mutex);
        return m_monotonicOffsetMs + (m_flowing ? m_real.elapsed() : 0);
    }
    void advance(qint64 ms) {
        QMutexLocker lock(&m_mutex);
        m_wallOffsetMs += ms;
        m_monotonicOffsetMs += ms;
    }
    void advanceWall(qint64 ms) {
        QMutexLocker lock(&m_mutex);
        m_wallOffsetMs += ms;
    }
    // Lets time flow with real time from now on (or stops it), keeping the current reading.
    void setFlowing(bool flowing) {
        QMutexLocker lock(&m_mutex);
        const qint64 elapsed = m_flowing ? m_real.elapsed() : 0;
        m_wallOffsetMs += elapsed;
        m_monotonicOffsetMs += elapsed;
        m_flowing = flowing;
        m_real.restart();
    }
    void setNow(const QDateTime &now) {
        QMutexLocker lock(&m_mutex);
        const qint64 delta = nowUnlocked().msecsTo(now);
        m_wallOffsetMs += delta;
        m_monotonicOffsetMs += delta;
    }

private:
    QDateTime nowUnlocked() const {
        return m_start.addMSecs(m_wallOffsetMs + (m_flowing ? m_real.elapsed() : 0));
    }

    mutable QMutex m_mutex;
    QDateTime m_start;
    bool m_flowing;
    QElapsedTimer m_real;
    qint64 m_wallOffsetMs = 0;
    qint64 m_monotonicOffsetMs = 0;
};

} // namespace cq::test
