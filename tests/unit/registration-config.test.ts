import { demoConfig } from '../helpers/fixtures.js';

describe('config of registrations and recognitions (issue 9)', () => {
  it('is optional, with defaults', () => {
    const c = demoConfig((raw) => {
      delete raw.registration;
      delete raw.stars;
      delete raw.partyMembers;
      delete raw.partyLinks;
    });
    expect(c.registration).toBeUndefined();
    expect(c.stars).toEqual({ publicityDays: 7, gridHouseholds: {}, totalHouseholds: null });
    expect(c.partyMembers).toEqual([]);
    expect(c.partyLinks).toEqual({ visitReminderDay: 25, visitReminderAt: '09:00' });
    const r = demoConfig((raw) => {
      raw.registration = { roomId: 'll@chatroom' };
    }).registration;
    expect(r).toEqual({ roomId: 'll@chatroom', reportBy: '20:00', staffListAt: '08:00', landlords: [] });
  });

  it('names bad fields', () => {
    expect(() => demoConfig((raw) => { raw.registration = { roomId: 'grid1@chatroom' }; })).toThrow(/registration.roomId: the registration room must not be a grid room or the staff room/);
    expect(() => demoConfig((raw) => { raw.registration = { roomId: 'll@chatroom', reportBy: '8pm' }; })).toThrow(/registration.reportBy: a clock time is "HH:MM"/);
    expect(() => demoConfig((raw) => { raw.registration = { roomId: 'll@chatroom', landlords: [{ id: 'a', name: 'A', address: '不知道' }] }; })).toThrow(/registration.landlords.0.address: cannot read an address/);
    expect(() => demoConfig((raw) => { raw.partyMembers = [{ id: 'p', name: 'P', households: ['12号楼1单元602', '某处'] }]; })).toThrow(/partyMembers.0.households.1: cannot read an address/);
    expect(() => demoConfig((raw) => { raw.stars = { gridHouseholds: { g9: 10 } }; })).toThrow(/stars.gridHouseholds.g9: unknown grid "g9"/);
  });
});
