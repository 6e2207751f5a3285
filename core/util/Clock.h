#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace cq {

// Where "now" comes from. Production uses SystemClock; tests pass a clock they move by hand.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    // A monotonic reading in milliseconds: wall-clock jumps and suspend show as a difference
    // between the two.
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock {
public:
    SystemClock() { m_monotonic.start(); }
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    qint64 monotonicMs() const override { return m_monotonic.elapsed(); }

private:
    QElapsedTimer m_monotonic;
};

} // namespace cq
