-- Applies one writer's delta atomically.
-- KEYS[1] epoch marker hash (subtask -> last applied epoch)
-- KEYS[2] count hash (partition -> records)
-- KEYS[3] total counter
-- KEYS[4] poison hash (partition -> poison records set aside)
-- KEYS[5..] one ranges list per partition, in the order of the partition tuples in ARGV
-- ARGV[1] subtask, ARGV[2] epoch ('-' applies unconditionally: the at-least-once control)
-- ARGV[3..] tuples: partition, count, ranges as 'first-last;first-last', poison
-- Returns 1 when applied, 0 when this subtask already applied this epoch or a later one.
local epoch = ARGV[2]
if epoch ~= '-' then
  local last = redis.call('HGET', KEYS[1], ARGV[1])
  if last and tonumber(last) >= tonumber(epoch) then
    return 0
  end
end
local total = 0
local partitions = (#ARGV - 2) / 4
for i = 0, partitions - 1 do
  local partition = ARGV[3 + i * 4]
  local count = tonumber(ARGV[4 + i * 4])
  if count > 0 then
    redis.call('HINCRBY', KEYS[2], partition, count)
    total = total + count
  end
  for range in string.gmatch(ARGV[5 + i * 4], '[^;]+') do
    redis.call('RPUSH', KEYS[5 + i], range)
  end
  local poison = tonumber(ARGV[6 + i * 4])
  if poison > 0 then
    redis.call('HINCRBY', KEYS[4], partition, poison)
  end
end
redis.call('INCRBY', KEYS[3], total)
if epoch ~= '-' then
  redis.call('HSET', KEYS[1], ARGV[1], epoch)
end
return 1
