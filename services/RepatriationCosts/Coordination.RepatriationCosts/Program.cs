using Coordination.Eventing;
using Coordination.RepatriationCosts;

ServiceHost.Run<RepatriationCostsModule>(args);
