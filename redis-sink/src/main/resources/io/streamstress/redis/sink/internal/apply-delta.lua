-- Applies one writer's delta atomically, each partition's records at most once whatever state the job
-- restarted from: per partition, a high-water mark (the next sequence number not yet counted; every sequence
-- below it is counted) clips each range, so that a replayed range is skipped and a new one counted, whatever
-- epoch, subtask or checkpoint the delta comes from. Records of one partition are read in order, so a
-- partition's deltas arrive in sequence order. A range past the mark (a gap: records the writer never saw)
-- is counted and moves the mark; the gap stays in the ranges, where the verifier finds it as loss.
-- Poison is clipped the same way by its Kafka offsets.
-- KEYS[1] high-water hash (partition -> next sequence not yet counted)
-- KEYS[2] count hash (partition -> records)
-- KEYS[3] total counter
-- KEYS[4] poison hash (partition -> poison records set aside)
-- KEYS[5] poison high-water hash (partition -> next poison offset not yet counted)
-- KEYS[6..] one ranges list per partition, in the order of the partition tuples in ARGV
-- ARGV[1] mode: 'once' clips by the marks; 'always' applies everything as given (the at-least-once control)
-- ARGV[2..] tuples: partition, count, ranges as 'first-last;first-last', poison count, poison offset ranges
--   (in 'once' mode the count is the ranges' length; poison without offsets, from a version-2 committable,
--   is added as given)
-- Returns {records counted, records skipped as already counted}.
local once = ARGV[1] == 'once'
local counted = 0
local skipped = 0
local width = 5
local partitions = (#ARGV - 1) / width

-- Clips 'first-last;…' against the mark in hash KEYS[markKey] for field partition; returns the ranges
-- to record (as a table of 'first-last'), the number counted and the number skipped, and moves the mark.
local function clip(markKey, partition, ranges)
  local next = tonumber(redis.call('HGET', KEYS[markKey], partition) or '0')
  local kept = {}
  local fresh = 0
  local old = 0
  for first, last in string.gmatch(ranges, '(%d+)-(%d+)') do
    first = tonumber(first)
    last = tonumber(last)
    if last < next then
      old = old + (last - first + 1)
    else
      if first < next then
        old = old + (next - first)
        first = next
      end
      kept[#kept + 1] = string.format('%d-%d', first, last)
      fresh = fresh + (last - first + 1)
      next = last + 1
    end
  end
  if #kept > 0 then
    redis.call('HSET', KEYS[markKey], partition, string.format('%d', next))
  end
  return kept, fresh, old
end

for i = 0, partitions - 1 do
  local base = 2 + i * width
  local partition = ARGV[base]
  local ranges = ARGV[base + 2]
  local poisonOffsets = ARGV[base + 4]
  local records
  local poison
  local kept
  if once then
    local old
    kept, records, old = clip(1, partition, ranges)
    skipped = skipped + old
    if poisonOffsets == '' then
      poison = tonumber(ARGV[base + 3])
    else
      local _, fresh = clip(5, partition, poisonOffsets)
      poison = fresh
    end
  else
    records = tonumber(ARGV[base + 1])
    poison = tonumber(ARGV[base + 3])
    kept = {}
    for range in string.gmatch(ranges, '[^;]+') do
      kept[#kept + 1] = range
    end
  end
  if records > 0 then
    redis.call('HINCRBY', KEYS[2], partition, records)
    counted = counted + records
  end
  for _, range in ipairs(kept) do
    redis.call('RPUSH', KEYS[6 + i], range)
  end
  if poison > 0 then
    redis.call('HINCRBY', KEYS[4], partition, poison)
  end
end
if counted > 0 then
  redis.call('INCRBY', KEYS[3], counted)
end
return {counted, skipped}
