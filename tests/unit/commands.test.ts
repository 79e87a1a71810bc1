import { parseCommand } from '../../src/core/commands.js';

describe('parseCommand', () => {
  it.each([
    ['接单 #12', { type: 'claim', orderId: 12 }],
    ['接单 12', { type: 'claim', orderId: 12 }],
    ['接 12', { type: 'claim', orderId: 12 }],
    ['接单＃１２', { type: 'claim', orderId: 12 }],
    ['抢单#7', { type: 'claim', orderId: 7 }],
  ])('reads %s as a claim', (text, cmd) => {
    expect(parseCommand(text)).toEqual(cmd);
  });

  it('keeps the note after 完成', () => {
    expect(parseCommand('完成 #12 换了阀门')).toEqual({ type: 'complete', orderId: 12, note: '换了阀门' });
  });

  it('reads a bare score and 评价 with a note', () => {
    expect(parseCommand('5')).toEqual({ type: 'rate', orderId: null, score: 5, note: '' });
    expect(parseCommand('4分')).toEqual({ type: 'rate', orderId: null, score: 4, note: '' });
    expect(parseCommand('评价 #12 5 很满意')).toEqual({ type: 'rate', orderId: 12, score: 5, note: '很满意' });
  });

  it('does not take ordinary words for commands', () => {
    expect(parseCommand('接孩子去了')).toBeNull();
    expect(parseCommand('取消了吗')).toBeNull();
    expect(parseCommand('接12楼的快递')).toBeNull();
    expect(parseCommand('6')).toBeNull();
    expect(parseCommand('大家好')).toBeNull();
  });

  it('reads staff commands with their arguments', () => {
    expect(parseCommand('/受理 #3')).toEqual({ type: 'accept', orderId: 3 });
    expect(parseCommand('/派单 #3 @张师傅')).toEqual({ type: 'assign', orderId: 3, names: ['张师傅'] });
    expect(parseCommand('/驳回 #3 不属于社区服务范围')).toEqual({ type: 'reject', orderId: 3, reason: '不属于社区服务范围' });
    expect(parseCommand('／待办')).toEqual({ type: 'todo' });
    expect(parseCommand('/帮助')).toEqual({ type: 'help' });
  });

  it('answers a known command without its number as malformed, an unknown one as unknown', () => {
    expect(parseCommand('/受理')).toEqual({ type: 'malformed', command: 'accept' });
    expect(parseCommand('/驳回 #3')).toEqual({ type: 'malformed', command: 'reject' });
    expect(parseCommand('/飞')).toEqual({ type: 'unknown', word: '飞' });
  });

  it('treats an out-of-range number as no order rather than a huge id', () => {
    expect(parseCommand('接单 #99999999999')).toEqual({ type: 'claim', orderId: 0 });
  });
});
