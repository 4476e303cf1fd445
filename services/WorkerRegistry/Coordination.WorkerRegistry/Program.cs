using Coordination.Eventing;
using Coordination.WorkerRegistry;

ServiceHost.Run<WorkerRegistryModule>(args);
