// Organisation (通讯录) read APIs — not in the project spec; field names from WeCom's
// department/list, user/list and user/get pages. Optional fields depend on the app's permissions.

export type Department = {
  id: number;
  name: string;
  name_en?: string;
  parentid: number;
  order: number;
  department_leader?: string[];
};

export type User = {
  userid: string;
  name: string;
  department: number[];
  order?: number[];
  position?: string;
  mobile?: string;
  gender?: string; // '0' unknown, '1' male, '2' female (WeCom sends a string here)
  email?: string;
  biz_mail?: string;
  is_leader_in_dept?: number[];
  direct_leader?: string[];
  avatar?: string;
  thumb_avatar?: string;
  telephone?: string;
  alias?: string;
  status?: number; // 1 active, 2 disabled, 4 not activated, 5 left
  main_department?: number;
  open_userid?: string;
  qr_code?: string;
  external_position?: string;
};

export type DepartmentList = { department: Department[] };
export type UserList = { userlist: User[] };
