-- Applies one writer's delta atomically.
-- KEYS[1] epoch marker hash (subtask -> last applied epoch)
-- KEYS[2] count hash (partition -> records)
-- KEYS[3] total counter
-- KEYS[4..] one ranges list per partition, in the order of the partition triples in ARGV
-- ARGV[1] subtask, ARGV[2] epoch ('-' applies unconditionally: the at-least-once control)
-- ARGV[3..] triples: partition, count, ranges as 'first-last;first-last'
-- Returns 1 when applied, 0 when this subtask already applied this epoch or a later one.
local epoch = ARGV[2]
if epoch ~= '-' then
  local last = redis.call('HGET', KEYS[1], ARGV[1])
  if last and tonumber(last) >= tonumber(epoch) then
    return 0
  end
end
local total = 0
local partitions = (#ARGV - 2) / 3
for i = 0, partitions - 1 do
  local partition = ARGV[3 + i * 3]
  local count = tonumber(ARGV[4 + i * 3])
  redis.call('HINCRBY', KEYS[2], partition, count)
  total = total + count
  for range in string.gmatch(ARGV[5 + i * 3], '[^;]+') do
    redis.call('RPUSH', KEYS[4 + i], range)
  end
end
redis.call('INCRBY', KEYS[3], total)
if epoch ~= '-' then
  redis.call('HSET', KEYS[1], ARGV[1], epoch)
end
return 1
