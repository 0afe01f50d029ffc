import type { Department, DepartmentInput, Staff, StaffCreateInput, StaffUnlockResult, StaffUpdateInput } from '@siyu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const staffKey = ['staff'] as const;
export const departmentsKey = ['departments'] as const;

export function useStaffList() {
  return useQuery({ queryKey: staffKey, queryFn: () => api.get<Staff[]>('/api/staff') });
}

export function useDepartments() {
  return useQuery({ queryKey: departmentsKey, queryFn: () => api.get<Department[]>('/api/departments') });
}

export function useDepartmentMutations() {
  const qc = useQueryClient();
  // Staff rows show department names, so a rename must refresh them too.
  const onSuccess = () => Promise.all([qc.invalidateQueries({ queryKey: departmentsKey }), qc.invalidateQueries({ queryKey: staffKey })]);
  return {
    create: useMutation({ mutationFn: (input: DepartmentInput) => api.post<Department>('/api/departments', input), onSuccess }),
    rename: useMutation({
      mutationFn: ({ id, name }: { id: string; name: string }) => api.patch<Department>(`/api/departments/${id}`, { name }),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`/api/departments/${id}`), onSuccess }),
  };
}

export function useStaffMutations() {
  const qc = useQueryClient();
  // Departments carry staffCount; the customer list's owner filter lists staff.
  const onSuccess = () => Promise.all([qc.invalidateQueries({ queryKey: staffKey }), qc.invalidateQueries({ queryKey: departmentsKey })]);
  return {
    create: useMutation({ mutationFn: (input: StaffCreateInput) => api.post<Staff>('/api/staff', input), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: StaffUpdateInput & { id: string }) => api.patch<Staff>(`/api/staff/${id}`, patch),
      onSuccess,
    }),
    /** Lifts the account's login locks (failures from any address or device). */
    unlock: useMutation({
      mutationFn: (id: string) => api.post<StaffUnlockResult>(`/api/staff/${id}/unlock`, {}),
      onSuccess: () => qc.invalidateQueries({ queryKey: staffKey }),
    }),
  };
}
